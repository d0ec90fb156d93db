package io.github.spr.localrun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

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

        Path keycloakHome = findKeycloakHome(settings.projectDir().resolve("local-run/target/keycloak"));
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
        Path jar = settings.projectDir().resolve("authenticator/target/spr-email-code.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the extension first (mvn package): " + jar + " is missing");
        }
        Files.createDirectories(workDir);
        deleteTree(workDir.resolve("mail"));
        Files.copy(jar, keycloakHome.resolve("providers/spr-email-code.jar"), StandardCopyOption.REPLACE_EXISTING);

        // A local run always starts from the shipped realm-config, so what you see is what ops import.
        deleteTree(keycloakHome.resolve("data/h2"));
        Path imports = keycloakHome.resolve("data/import");
        deleteTree(imports);
        Files.createDirectories(imports);
        Path realmConfig = settings.projectDir().resolve("realm-config");
        Files.copy(realmConfig.resolve("portal-realm.json"), imports.resolve("portal-realm.json"));
        Files.copy(realmConfig.resolve("demo/portal-users-0.json"), imports.resolve("portal-users-0.json"));
    }

    private static Map<String, String> keycloakEnvironment(Settings settings) {
        Map<String, String> env = new HashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(settings.smtpPort()));
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

    private static Path findKeycloakHome(Path unpacked) throws IOException {
        if (!Files.isDirectory(unpacked)) {
            throw new IllegalStateException("No Keycloak distribution in " + unpacked + "; run ./run-local.sh");
        }
        try (Stream<Path> children = Files.list(unpacked)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in " + unpacked));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
