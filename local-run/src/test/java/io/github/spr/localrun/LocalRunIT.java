package io.github.spr.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.spr.emailcode.it.FormBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, from the launcher on: the real distribution imports realm-config/ (with Keycloak's own
 * --import-realm and placeholder substitution) and the demo users, the inbox prints the code, and a demo user signs
 * in to the demo portal through the email step. Runs on its own ports so nothing else on the machine is disturbed.
 */
class LocalRunIT {

    private static final int KEYCLOAK_PORT = 18080;
    private static final int SMTP_PORT = 11025;
    private static final int PORTAL_PORT = 13000;
    private static final Pattern CODE_LINE = Pattern.compile("\\[inbox\\]\\s+code:\\s+(\\d{6,10})");

    private final StringBuffer output = new StringBuffer();
    private final FormBrowser browser = new FormBrowser();
    private Process launcher;

    @AfterEach
    void stop() throws InterruptedException {
        if (launcher != null) {
            launcher.destroy(); // SIGTERM, like Ctrl-C: the launcher's shutdown hook stops Keycloak
            launcher.waitFor();
        }
        assertPortClosed(KEYCLOAK_PORT);
        assertPortClosed(PORTAL_PORT);
        assertPortClosed(SMTP_PORT);
    }

    @Test
    void aDemoUserSignsInToThePortalWithTheCodeThatTheInboxPrints() throws Exception {
        start();
        String banner = output.toString();
        assertTrue(banner.contains("Sign in to the portal:   http://localhost:" + PORTAL_PORT), banner);
        assertTrue(banner.contains("jane.doe@acme.example") && banner.contains("Package-Room-1"), banner);

        FormBrowser.Page page = browser.get("http://localhost:" + PORTAL_PORT + "/login");
        assertTrue(page.body().contains("Secure Sign-In"), "the spr login page");
        page = browser.submit(page, "kc-form-login", Map.of("username", "jane.doe@acme.example", "password", "Package-Room-1"));
        assertEquals("login-email-code-choose", page.pageId().orElseThrow(), page.body());
        page = browser.submit(page, "email-code-choose-form", Map.of("emailCodeAction", "send"));
        assertEquals("login-email-code-form", page.pageId().orElseThrow(), page.body());

        String code = awaitPrintedCode();
        page = browser.submit(page, "email-code-form", Map.of("emailCodeAction", "validate", "emailCode", code));
        assertEquals(200, page.status());
        assertEquals("http://localhost:" + PORTAL_PORT + "/", page.uri().toString());
        assertTrue(page.body().contains("Signed in as <strong>Jane Doe &lt;jane.doe@acme.example&gt;</strong>"), page.body());
    }

    private void start() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "local-run/target/spr-local-run.jar")
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SPR_PROJECT_DIR", root.toString());
        builder.environment().put("KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT));
        builder.environment().put("SMTP_PORT", Integer.toString(SMTP_PORT));
        builder.environment().put("PORTAL_PORT", Integer.toString(PORTAL_PORT));
        launcher = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the launcher ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!output.toString().contains("Ready.")) {
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                fail("the launcher did not become ready:\n" + output);
            }
            Thread.sleep(500);
        }
    }

    private String awaitPrintedCode() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = CODE_LINE.matcher(output.toString());
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(250);
        }
        return fail("no code printed by the inbox:\n" + output);
    }

    private static void assertPortClosed(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            fail("port " + port + " still open after the launcher stopped");
        } catch (ConnectException expected) {
            // closed, as it should be
        } catch (IOException e) {
            fail("unexpected error probing port " + port + ": " + e);
        }
    }
}
