package io.github.spr.benchmark.harness;

import io.github.spr.localrun.Distribution;
import io.github.spr.localrun.KeycloakProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak in production mode as ops run it: {@code kc.sh build} with PostgreSQL, then {@code start --optimized}
 * with the shipped realm imported, caches as shipped (embedded Infinispan, jdbc-ping), metrics off (the default).
 */
public final class BenchmarkServer {

    public static final int HTTP_PORT = 48080;
    public static final int MANAGEMENT_PORT = 49000;
    public static final String URL = "http://localhost:" + HTTP_PORT;
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /**
     * The clustering transport (JGroups, on by default in production mode) binds a port too. On a loopback address
     * of its own it cannot collide with the cluster harnesses on this machine, which bind the site-local address.
     */
    static final String CLUSTER_BIND_ADDRESS = "127.0.0.2";

    private final Path home;
    private final Path runDir;
    private final String heapOptions;
    private KeycloakProcess process;

    public BenchmarkServer(Path home, Path runDir, String heapOptions) {
        this.home = home;
        this.runDir = runDir;
        this.heapOptions = heapOptions;
    }

    public Path logFile() {
        return runDir.resolve("keycloak.log");
    }

    /** Installs the JAR, stages the realm import, builds and starts; returns once the realm answers. */
    public void start(Path providerJar, Path realmFile, Map<String, String> realmEnvironment) throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        Files.deleteIfExists(logFile());
        try (var jars = Files.list(home.resolve("providers"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        Distribution.installProvider(home, providerJar);
        Distribution.stageImports(home, List.of(realmFile));

        KeycloakProcess build = new KeycloakProcess(home, logFile());
        build.start(List.of("build", "--db=postgres"), Map.of());
        if (build.waitFor() != 0) {
            throw new IllegalStateException("kc.sh build failed; see " + logFile());
        }

        Map<String, String> environment = new java.util.HashMap<>(realmEnvironment);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("JAVA_OPTS_KC_HEAP", heapOptions);
        List<String> arguments = new ArrayList<>(List.of("start", "--optimized",
                "--http-enabled=true", "--hostname=" + URL, "--http-port=" + HTTP_PORT,
                "--http-management-port=" + MANAGEMENT_PORT,
                "--db-url=" + BenchmarkDatabase.jdbcUrl(), "--db-username=" + BenchmarkDatabase.USER,
                "--db-password=" + BenchmarkDatabase.PASSWORD,
                "--cache-embedded-network-bind-address=" + CLUSTER_BIND_ADDRESS,
                "--import-realm"));
        process = new KeycloakProcess(home, logFile());
        process.start(arguments, environment);
        if (!process.awaitReady(URL + "/realms/portal/.well-known/openid-configuration", Duration.ofMinutes(5))) {
            process.stop();
            throw new IllegalStateException("Keycloak did not become ready; see " + logFile());
        }
    }

    /** The server's JVM (not kc.sh): what CPU, heap and the profile are read from. */
    public long jvmPid() {
        return process.serverJvm().orElseThrow(() -> new IllegalStateException("Keycloak is not running")).pid();
    }

    public void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
