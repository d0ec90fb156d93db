package io.github.spr.benchmark.harness;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What run-benchmark.sh asked for, passed as {@code -Dbench.*} system properties to the Gatling JVM. */
public record BenchSettings(Path projectDir, Path keycloakDir, Path outputDir, boolean smoke,
                            int concurrentUsers, int warmupSeconds, int windowSeconds, int rounds,
                            List<Long> relayDelaysMillis, int relayWindowSeconds,
                            int loadAccounts, int pendingLogins, boolean profile, String heapOptions) {

    public static final String PORTAL_URL = "http://localhost:43000";
    public static final int SMTP_PORT = 41025;

    public static BenchSettings fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        int window = Integer.getInteger("bench.window", smoke ? 3 : 20);
        return new BenchSettings(
                Path.of(System.getProperty("bench.projectDir", "..")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("bench.keycloakDir", "target/keycloak")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("bench.outputDir", "target/benchmark")).toAbsolutePath().normalize(),
                smoke,
                Integer.getInteger("bench.users", smoke ? 2 : 4),
                Integer.getInteger("bench.warmup", smoke ? 0 : 60),
                window,
                Integer.getInteger("bench.rounds", smoke ? 1 : 6),
                Arrays.stream(System.getProperty("bench.relayDelays", "0,300").split(",")).map(String::trim).map(Long::valueOf).toList(),
                Integer.getInteger("bench.relayWindow", smoke ? 1 : window),
                Integer.getInteger("bench.accounts", smoke ? 300 : 3000),
                Integer.getInteger("bench.pending", smoke ? 20 : 1000),
                Boolean.parseBoolean(System.getProperty("bench.profile", "true")),
                System.getProperty("bench.heap", "-Xms1g -Xmx1g"));
    }

    /** Accounts of the heap measurement come after the load's, so no pending login meets a load user's cooldown. */
    public int firstPendingAccount() {
        return loadAccounts;
    }

    public int totalAccounts() {
        return loadAccounts + 2 * pendingLogins;
    }
}
