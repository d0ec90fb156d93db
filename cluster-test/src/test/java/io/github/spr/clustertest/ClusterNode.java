package io.github.spr.clustertest;

import io.github.spr.localrun.KeycloakProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Keycloak node of the cluster: its own unpacked distribution, ports and log, started in production mode
 * ({@code start --optimized}) against the shared PostgreSQL database, with Keycloak's default caches and discovery.
 * Only the addresses differ between the nodes, because both run on this one host.
 */
final class ClusterNode {

    /** HTTP, management (health, metrics) and JGroups ports; JGroups' failure detection listens at jgroups + 50. */
    record Ports(int http, int management, int jgroups) {
    }

    private final String name;
    private final Path home;
    private final Ports ports;
    private final Path log;
    private final List<String> databaseOptions;
    private final Map<String, String> environment;
    private KeycloakProcess process;
    private long logOffset;

    ClusterNode(String name, Path home, Ports ports, Path log, List<String> databaseOptions, Map<String, String> environment) {
        this.name = name;
        this.home = home;
        this.ports = ports;
        this.log = log;
        this.databaseOptions = databaseOptions;
        this.environment = environment;
    }

    String name() {
        return name;
    }

    Path home() {
        return home;
    }

    Ports ports() {
        return ports;
    }

    Path log() {
        return log;
    }

    /** The node itself, bypassing the load balancer (the admin API uses it). */
    String directUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    /** {@code --import-realm} imports what {@code data/import} holds, once, on the first start against a fresh database. */
    void start(boolean importRealm) throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        logOffset = LogFile.length(log);
        process = new KeycloakProcess(home, log);
        process.start(arguments(importRealm), environment);
    }

    List<String> arguments(boolean importRealm) {
        List<String> arguments = new ArrayList<>(List.of(
                "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + ports.http(),
                "--http-management-host=127.0.0.1",
                "--http-management-port=" + ports.management(),
                // Every URL a node writes (form actions, redirects, the token's issuer) names the balancer, as in production.
                "--hostname=" + Cluster.PUBLIC_URL,
                // Two nodes on one host: each its own JGroups port, on loopback. Discovery stays Keycloak's default (jdbc-ping).
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + ports.jgroups(),
                // Readable cluster views in the logs ([node-a, node-b]) instead of generated names.
                "--spi-cache-embedded--default--node-name=" + name));
        arguments.addAll(databaseOptions);
        if (importRealm) {
            arguments.add("--import-realm");
        }
        return arguments;
    }

    /** Waits for {@code /health/ready} on the management port, which includes Keycloak's own "initialized" check. */
    void awaitReady(Duration timeout) throws InterruptedException, IOException {
        String readyUrl = "http://127.0.0.1:" + ports.management() + "/health/ready";
        if (!process.awaitReady(readyUrl, timeout)) {
            throw new IllegalStateException(name + " did not become ready at " + readyUrl + " within " + timeout
                    + (process.isAlive() ? "" : " (the process exited)") + "; the end of " + log + ":\n"
                    + String.join("\n", LogFile.lastLines(log, logOffset, 40)));
        }
    }

    /** SIGTERM: Keycloak leaves the cluster gracefully. */
    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** SIGKILL: the node is gone without a word to the others. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The server's JVM (kc.sh runs it as a child). */
    Optional<ProcessHandle> serverJvm() {
        return process == null ? Optional.empty() : process.serverJvm();
    }

    /** What the current process's log says about the cluster. */
    ClusterView.State clusterState() {
        try {
            return ClusterView.read(log, logOffset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
