package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.github.spr.emailcode.it.FormBrowser;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.RealmConfigFiles;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The happy path on the official Keycloak image, as a container: the drop-in JAR in providers/, realm-config
 * imported at start, Mailpit as the inbox. Only where a Docker engine runs; elsewhere JUnit reports it as skipped
 * ("disabled, Docker is not available"). The real-server tests cover the same on the plain distribution.
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakContainerIT {

    private static final String PORTAL = "http://localhost:3000";
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final GenericContainer<?> MAILPIT = new GenericContainer<>("axllent/mailpit:v1.21.8")
            .withNetwork(NETWORK)
            .withNetworkAliases("mailpit")
            .withExposedPorts(8025)
            .waitingFor(Wait.forHttp("/readyz").forPort(8025));

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer("quay.io/keycloak/keycloak:" + System.getProperty("keycloak.version"))
            .withNetwork(NETWORK)
            .withProviderLibsFrom(List.of(new File("../authenticator/target/spr-email-code.jar")))
            .withCopyFileToContainer(MountableFile.forHostPath(RealmConfigFiles.directory().resolve(RealmConfigFiles.PORTAL_REALM)),
                    "/opt/keycloak/data/import/portal-realm.json")
            .withCopyFileToContainer(MountableFile.forHostPath(RealmConfigFiles.directory().resolve(RealmConfigFiles.DEMO_USERS)),
                    "/opt/keycloak/data/import/portal-users-0.json")
            .withEnv("SMTP_HOST", "mailpit")
            .withEnv("SMTP_PORT", "1025")
            .withEnv("PORTAL_URL", PORTAL)
            .withCustomCommand("--import-realm");

    @Test
    void aDemoUserSignsInThroughTheEmailStep() throws Exception {
        // The portal itself does not run here: stop at its redirect and look at the code it would get.
        FormBrowser browser = new FormBrowser(uri -> !uri.toString().startsWith(PORTAL));
        String auth = KEYCLOAK.getAuthServerUrl() + "/realms/portal/protocol/openid-connect/auth?response_type=code&client_id=portal"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(PORTAL + "/callback", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        Page login = browser.get(auth);
        assertTrue(login.body().contains("Secure Sign-In"), "the spr login page");
        Page choose = browser.submit(login, "kc-form-login", Map.of("username", "jane.doe@acme.example", "password", "Package-Room-1"));
        assertEquals("login-email-code-choose", choose.pageId().orElseThrow());
        Page code = browser.submit(choose, "email-code-choose-form", Map.of("emailCodeAction", "send"));
        assertEquals("login-email-code-form", code.pageId().orElseThrow());

        Page back = browser.submit(code, "email-code-form", Map.of("emailCodeAction", "validate", "emailCode", latestCode()));
        assertEquals(302, back.status());
        assertTrue(back.uri().toString().startsWith(PORTAL + "/callback?") && back.uri().toString().contains("code="), back.uri().toString());
    }

    /** The code in the newest mail, from Mailpit's API. */
    private static String latestCode() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI latest = URI.create("http://" + MAILPIT.getHost() + ":" + MAILPIT.getMappedPort(8025) + "/api/v1/message/latest");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(latest).build(), HttpResponse.BodyHandlers.ofString());
            Matcher code = Pattern.compile("\\\\n\\s*(\\d{6})\\s*\\\\n").matcher(response.body());
            if (response.statusCode() == 200 && code.find()) {
                return code.group(1);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no code mail reached Mailpit");
    }
}
