package io.github.spr.localrun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the whole product on one machine without Docker: a mail inbox that prints each code, Keycloak with the
 * extension and the realm-config (plus demo users), and a small portal to sign in to. Ctrl-C stops everything.
 *
 * <p>Expects {@code run-local.sh} to have built the extension and unpacked the distribution.
 */
public final class LocalRun {

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment(System.getenv());
        PrintStream out = System.out;

        Path keycloakHome = Distribution.home(settings.projectDir().resolve("local-run/target/keycloak"));
        Path workDir = settings.projectDir().resolve("local-run/target/run");
        prepare(settings, keycloakHome, workDir);

        MailInbox inbox = new MailInbox(settings.smtpPort(), workDir.resolve("mail"), out);
        KeycloakProcess keycloak = new KeycloakProcess(keycloakHome, workDir.resolve("keycloak.log"));
        DemoPortal portal = new DemoPortal(settings.portalUrl(), settings.keycloakUrl() + "/realms/portal", "portal");

        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println("\nStopping Keycloak, the inbox and the portal...");
            keycloak.stop();
            portal.stop();
            inbox.stop();
        }, "local-run-shutdown"));

        inbox.start();
        out.println("Mail inbox (SMTP) listening on 127.0.0.1:" + settings.smtpPort());
        portal.start(settings.portalPort());
        out.println("Demo portal listening on " + settings.portalUrl());

        out.println("Starting Keycloak " + keycloakHome.getFileName() + " (log: " + workDir.resolve("keycloak.log") + ") ...");
        keycloak.start(List.of("start-dev", "--http-port=" + settings.keycloakPort(), "--import-realm",
                "--spi-theme--cache-themes=false", "--spi-theme--cache-templates=false"), keycloakEnvironment(settings));
        if (!keycloak.awaitReady(settings.keycloakUrl() + "/realms/portal/.well-known/openid-configuration", Duration.ofMinutes(4))) {
            out.println("Keycloak did not become ready; see " + workDir.resolve("keycloak.log"));
            System.exit(1);
        }
        printBanner(out, settings);
        int exit = keycloak.waitFor();
        if (!stopping.get()) {
            // Keycloak died on its own, not because of Ctrl-C.
            out.println("Keycloak exited with status " + exit + "; see " + workDir.resolve("keycloak.log"));
            System.exit(1);
        }
    }

    private static void prepare(Settings settings, Path keycloakHome, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Distribution.deleteTree(workDir.resolve("mail"));
        Files.deleteIfExists(workDir.resolve("keycloak.log"));
        Distribution.installProvider(keycloakHome, settings.projectDir().resolve("authenticator/target/spr-email-code.jar"));

        // A local run always starts from the shipped realm-config, so what you see is what ops import.
        Distribution.resetDevDatabase(keycloakHome);
        Path realmConfig = settings.projectDir().resolve("realm-config");
        Distribution.stageImports(keycloakHome, List.of(realmConfig.resolve("portal-realm.json"), realmConfig.resolve("demo/portal-users-0.json")));
    }

    private static Map<String, String> keycloakEnvironment(Settings settings) {
        Map<String, String> env = new HashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(settings.smtpPort()));
        // The local inbox speaks plain SMTP; the realm file's default (STARTTLS on) is for a real relay.
        env.put("SMTP_STARTTLS", "false");
        env.put("PORTAL_URL", settings.portalUrl());
        return env;
    }

    private static void printBanner(PrintStream out, Settings settings) {
        out.println();
        out.println("==================================================================");
        out.println(" Ready. Sign in to the portal:   " + settings.portalUrl());
        out.println("   demo user:  jane.doe@acme.example     password: Package-Room-1");
        out.println("   demo user:  max.mustermann@acme.example  password: Package-Room-1 (German)");
        out.println(" Each code email is printed below as it arrives.");
        out.println(" Admin console: " + settings.keycloakUrl() + "/admin/  (admin / admin)");
        out.println(" Ctrl-C stops Keycloak, the inbox and the portal.");
        out.println("==================================================================");
        out.println();
    }


    record Settings(Path projectDir, int keycloakPort, int smtpPort, int portalPort) {

        static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(
                    Path.of(env.getOrDefault("SPR_PROJECT_DIR", ".")).toAbsolutePath().normalize(),
                    Integer.parseInt(env.getOrDefault("KEYCLOAK_PORT", "8080")),
                    Integer.parseInt(env.getOrDefault("SMTP_PORT", "1025")),
                    Integer.parseInt(env.getOrDefault("PORTAL_PORT", "3000")));
        }

        String keycloakUrl() {
            return "http://localhost:" + keycloakPort;
        }

        String portalUrl() {
            return "http://localhost:" + portalPort;
        }
    }
}
