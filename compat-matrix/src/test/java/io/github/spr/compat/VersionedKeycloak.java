package io.github.spr.compat;

import io.github.spr.localrun.Distribution;
import io.github.spr.localrun.KeycloakProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One version's distribution with the drop-in JAR and the shipped realm, running in dev mode with metrics on, on the
 * matrix's own ports (other harnesses on this machine use 8080, 9000, 3025, 8500 and 18080).
 */
final class VersionedKeycloak {

    static final int HTTP_PORT = 28080;
    static final String URL = "http://localhost:" + HTTP_PORT;
    /** Management (for /metrics): off in dev mode unless metrics are on, which they are here. */
    static final int MANAGEMENT_PORT = 29000;
    static final int SMTP_PORT = 21025;
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    /** Generous: the first start with a new provider re-augments, and other builds may share the two cores. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String version;
    private final KeycloakProcess process;
    private final Thread stopOnExit;

    VersionedKeycloak(String version, MatrixSettings settings) throws IOException {
        this.version = version;
        Path home = Distribution.home(settings.unpacked(version));
        Distribution.installProvider(home, settings.providerJar());
        // Every run starts from the shipped realm, not from what an earlier (maybe aborted) run left in H2.
        Distribution.resetDevDatabase(home);
        Distribution.stageImports(home, List.of(settings.realmFile()));
        Files.createDirectories(settings.logsDir());
        Files.deleteIfExists(settings.log(version));
        this.process = new KeycloakProcess(home, settings.log(version));
        // Also when the test JVM is told to stop (failsafe's timeout, Ctrl-C): no server may outlive the build.
        this.stopOnExit = new Thread(process::stop, "stop-keycloak-" + version);
    }

    void start() throws IOException, InterruptedException {
        for (int port : new int[] {HTTP_PORT, MANAGEMENT_PORT}) {
            if (portAnswers(port)) {
                throw new IllegalStateException("Port " + port + " is already in use (another matrix run, or a server left over?)");
            }
        }
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        process.start(List.of("start-dev", "--http-port=" + HTTP_PORT, "--import-realm",
                "--metrics-enabled=true", "--http-management-port=" + MANAGEMENT_PORT), Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(SMTP_PORT),
                "PORTAL_URL", Portal.URL));
        if (!process.awaitReady(URL + "/realms/portal/.well-known/openid-configuration", START_TIMEOUT)) {
            throw new IllegalStateException("Keycloak " + version + " did not become ready within " + START_TIMEOUT
                    + (process.isAlive() ? "" : " (it exited)") + "; see " + process.logFile());
        }
    }

    /** Stops the server and everything kc.sh started, and makes sure the port is free for the next version. */
    void stop() {
        process.stop();
        if (process.isAlive()) {
            process.kill();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException | IllegalArgumentException notRegisteredOrAlreadyExiting) {
            // nothing to undo
        }
        if (process.isAlive() || portAnswers(HTTP_PORT) || portAnswers(MANAGEMENT_PORT)) {
            throw new IllegalStateException("Keycloak " + version + " is still running after stop");
        }
    }

    Path log() {
        return process.logFile();
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
