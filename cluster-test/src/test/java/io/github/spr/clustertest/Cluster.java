package io.github.spr.clustertest;

import io.github.spr.localrun.Distribution;
import io.github.spr.localrun.KeycloakProcess;
import io.github.spr.localrun.MailInbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Two Keycloak nodes in production mode on one fresh PostgreSQL database, a mail inbox and the load balancer in front:
 * set up once for all scenarios, torn down at the end (and by a shutdown hook if the test JVM is ended early).
 */
final class Cluster implements AutoCloseable {

    /** The nodes' {@code --hostname}: the load balancer. */
    static final String PUBLIC_URL = "http://localhost:38080";
    static final int BALANCER_PORT = 38080;
    static final int SMTP_PORT = 31025;
    static final String PORTAL_URL = "http://localhost:33000";
    static final ClusterNode.Ports NODE_A = new ClusterNode.Ports(38081, 39001, 37800);
    static final ClusterNode.Ports NODE_B = new ClusterNode.Ports(38082, 39002, 37820);
    /** Two nodes, another Keycloak and a Maven build share 24 GiB and 2 cores. */
    static final String HEAP = "-Xms256m -Xmx768m";
    /** JGroups' FD_SOCK2 listens at bind port + offset (default 50000, which wraps to ~22000 here); keep it in 378xx. */
    static final String FAILURE_DETECTION_OFFSET = "-Djgroups.fd.port-offset=50";
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    static final Duration FORM_TIMEOUT = Duration.ofMinutes(2);
    /** The caches the extension's state lives in: a node is back only when these have rebalanced onto it. */
    static final Set<String> EXTENSION_CACHES = Set.of("authenticationSessions", "actionTokens", "loginFailures");
    private static final String ADMIN_USER = "admin";
    private static final String ADMIN_PASSWORD = "cluster-test-admin";

    /** Where things are: this module's target folder, the drop-in JAR, the realm file. */
    record Settings(Path dir, Path providerJar, Path realmFile) {

        static Settings fromSystemProperties() {
            return new Settings(Path.of(System.getProperty("spr.cluster.dir", "target")).toAbsolutePath(),
                    Path.of(System.getProperty("spr.providerJar", "../authenticator/target/spr-email-code.jar")).toAbsolutePath().normalize(),
                    Path.of(System.getProperty("spr.realmFile", "../realm-config/portal-realm.json")).toAbsolutePath().normalize());
        }
    }

    private final Settings settings;
    private final Path logs;
    private final ClusterDatabase database = new ClusterDatabase(ClusterDatabase.LOCAL_SERVER, "spr_cluster");
    private final long createdAt = System.nanoTime();
    private MailInbox inbox;
    private LoadBalancer balancer;
    private ClusterNode a;
    private ClusterNode b;
    private final Map<String, PortalAdmin> admins = new ConcurrentHashMap<>();
    private Thread shutdownHook;

    Cluster(Settings settings) {
        this.settings = settings;
        this.logs = settings.dir().resolve("cluster-logs");
    }

    ClusterNode a() {
        return a;
    }

    ClusterNode b() {
        return b;
    }

    MailInbox inbox() {
        return inbox;
    }

    /** The mail server goes away, as a relay that is down: mails sent now fail. */
    void stopInbox() {
        inbox.stop();
    }

    /** The mail server is back (empty), on the same port. */
    void restartInbox() throws java.io.IOException {
        inbox = MailInbox.quiet(SMTP_PORT);
        inbox.start();
    }

    LoadBalancer balancer() {
        return balancer;
    }

    void start() throws Exception {
        assertPortsFree();
        Files.deleteIfExists(settings.dir().resolve("cluster-report.txt"));
        Files.createDirectories(logs);
        try (Stream<Path> old = Files.list(logs)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        database.recreate();
        inbox = MailInbox.quiet(SMTP_PORT);
        inbox.start();
        balancer = LoadBalancer.start(BALANCER_PORT);

        Path homeA = Distribution.home(settings.dir().resolve("node-a"));
        Path homeB = Distribution.home(settings.dir().resolve("node-b"));
        // The distributions stay unpacked between runs; what a node wrote (transaction log, temp files) does not.
        deleteTree(homeA.resolve("data"));
        deleteTree(homeB.resolve("data"));
        long buildStart = System.nanoTime();
        buildOnce(homeA, homeB);
        report("built the optimized server once for both nodes in %d s", seconds(buildStart));
        Distribution.stageImports(homeA, List.of(settings.realmFile()));

        a = node("node-a", homeA, NODE_A);
        b = node("node-b", homeB, NODE_B);
        shutdownHook = new Thread(this::killNodes, "cluster-test-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        // A first: it creates the schema and imports the realm; B then joins through the JGROUPS_PING table.
        long nodesStart = System.nanoTime();
        a.start(true);
        a.awaitReady(START_TIMEOUT);
        report("node-a ready (schema, realm import) in %d s", seconds(nodesStart));
        long bStart = System.nanoTime();
        b.start(false);
        b.awaitReady(START_TIMEOUT);
        report("node-b ready in %d s", seconds(bStart));
        awaitFormed();
        report("cluster of two formed %d s after the setup began", seconds(createdAt));
    }

    /**
     * {@code kc.sh build} in node A's distribution, then node B gets the same build output ({@code lib/quarkus}) and
     * provider: a byte-identical optimized server, as when a container image built once runs as several nodes.
     * The build writes no absolute path into {@code lib/quarkus}; each node keeps its own {@code data/} folder.
     */
    private void buildOnce(Path homeA, Path homeB) throws IOException, InterruptedException {
        Distribution.installProvider(homeA, settings.providerJar());
        KeycloakProcess build = new KeycloakProcess(homeA, logs.resolve("build.log"));
        build.start(List.of("build", "--db=postgres", "--health-enabled=true", "--metrics-enabled=true"), Map.of());
        int exit = build.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + exit + "); see " + logs.resolve("build.log"));
        }
        Path builtA = homeA.resolve("lib/quarkus");
        Path builtB = homeB.resolve("lib/quarkus");
        // lib/quarkus holds only files (the augmented application); replace B's with A's.
        try (Stream<Path> stale = Files.list(builtB)) {
            for (Path file : stale.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(builtA)) {
            for (Path file : files.toList()) {
                Files.copy(file, builtB.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        // With its time stamp: `start --optimized` refuses a provider JAR newer than the build ("please rebuild").
        Path provider = homeA.resolve("providers").resolve(settings.providerJar().getFileName());
        Files.copy(provider, homeB.resolve("providers").resolve(provider.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
    }

    private ClusterNode node(String name, Path home, ClusterNode.Ports ports) {
        Map<String, String> environment = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // Read by the realm import (placeholders in realm-config/portal-realm.json).
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(SMTP_PORT),
                "PORTAL_URL", PORTAL_URL,
                "JAVA_OPTS_KC_HEAP", HEAP,
                "JAVA_OPTS_APPEND", FAILURE_DETECTION_OFFSET);
        return new ClusterNode(name, home, ports, logs.resolve(name + ".log"), database.keycloakOptions(), environment);
    }

    /**
     * Waits until both nodes have installed the same two-member view and the extension's caches have rebalanced onto
     * it on both; fails with what each node last saw.
     */
    void awaitFormed() throws InterruptedException {
        Set<String> both = Set.of(a.name(), b.name());
        long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ClusterView.State stateA = a.clusterState();
            ClusterView.State stateB = b.clusterState();
            if (stateA.view().isPresent() && stateA.view().equals(stateB.view()) && stateA.view().get().hasExactly(both)
                    && stateA.rebalancedCaches().containsAll(EXTENSION_CACHES) && stateB.rebalancedCaches().containsAll(EXTENSION_CACHES)) {
                return;
            }
            if (!a.isAlive() || !b.isAlive()) {
                break;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The nodes do not see each other as a cluster of two (waited up to " + FORM_TIMEOUT + "). "
                + a.name() + (a.isAlive() ? "" : " (not running)") + " last saw: " + a.clusterState() + "; "
                + b.name() + (b.isAlive() ? "" : " (not running)") + " last saw: " + b.clusterState()
                + ". Logs: " + a.log() + ", " + b.log());
    }

    /** SIGKILL: the node is lost without leaving the cluster. */
    void kill(ClusterNode node) {
        reportMemory("before killing " + node.name());
        node.kill();
        report("%s killed", node.name());
    }

    /** SIGTERM, start again, ready, and back in the cluster with the extension's caches rebalanced. */
    void restart(ClusterNode node) throws Exception {
        reportMemory("before restarting " + node.name());
        long begin = System.nanoTime();
        node.stop();
        startAgain(node);
        report("%s restarted and back in the cluster in %d s", node.name(), seconds(begin));
    }

    /** Starts a stopped or killed node (no realm import) and waits until it is ready and back in the cluster. */
    void startAgain(ClusterNode node) throws Exception {
        node.start(false);
        node.awaitReady(START_TIMEOUT);
        awaitFormed();
    }

    /** The admin API of {@code node}. */
    PortalAdmin admin(ClusterNode node) {
        return admins.computeIfAbsent(node.name(), n -> new PortalAdmin(node.directUrl(), ADMIN_USER, ADMIN_PASSWORD));
    }

    /** The admin API of a running node. */
    PortalAdmin admin() {
        return admin(liveNodes().stream().findFirst().orElseThrow(() -> new IllegalStateException("no node is running")));
    }

    List<ClusterNode> liveNodes() {
        return Stream.of(a, b).filter(n -> n != null && n.isAlive()).toList();
    }

    /** Waits until every running node's admin API shows {@code condition}: a change made on one node reached the others. */
    void awaitOnEveryNode(String what, Predicate<PortalAdmin> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<ClusterNode> pending = new ArrayList<>(liveNodes());
        while (true) {
            pending.removeIf(node -> condition.test(admin(node)));
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not reach " + pending + " within 20 s");
            }
            Thread.sleep(200);
        }
    }

    /** Resident memory and heap of every running node, into the report. */
    void reportMemory(String when) {
        for (ClusterNode node : liveNodes()) {
            node.serverJvm().ifPresent(jvm -> {
                try {
                    report("memory %s: %s", when, NodeMemory.of(node.name(), jvm));
                } catch (IOException | InterruptedException | RuntimeException e) {
                    report("memory %s: %s could not be measured (%s)", when, node.name(), e);
                }
            });
        }
    }

    /** Stops both nodes (SIGTERM, SIGKILL after 20 s), the balancer and the inbox, whatever state the run is in. */
    @Override
    public void close() {
        reportMemory("at the end");
        List<RuntimeException> problems = new ArrayList<>();
        for (Runnable step : List.<Runnable>of(
                () -> { if (b != null) { b.stop(); } },
                () -> { if (a != null) { a.stop(); } },
                () -> { if (balancer != null) { balancer.close(); } },
                () -> { if (inbox != null) { inbox.stop(); } })) {
            try {
                step.run();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
        report("stopped everything; the whole cluster run took %d s", seconds(createdAt));
        if (!problems.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not stop everything cleanly");
            problems.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Last resort when the test JVM is ended before close(): no node may outlive the run. */
    private void killNodes() {
        Stream.of(a, b).filter(n -> n != null).forEach(ClusterNode::kill);
    }

    void report(String format, Object... arguments) {
        String line = String.format(format, arguments);
        System.out.println("[cluster] " + line);
        try {
            Files.createDirectories(settings.dir());
            Files.writeString(settings.dir().resolve("cluster-report.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static long seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000_000L;
    }

    /** The fixed ports this harness uses; another run (or one a killed Maven left behind) would hold them. */
    private static void assertPortsFree() {
        List<Integer> ports = List.of(BALANCER_PORT, NODE_A.http(), NODE_B.http(), NODE_A.management(), NODE_B.management(), SMTP_PORT,
                NODE_A.jgroups(), NODE_B.jgroups(), NODE_A.jgroups() + 50, NODE_B.jgroups() + 50);
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
                throw new IllegalStateException("Port " + port + " is in use: is another cluster-test run (or one a killed build left"
                        + " behind) still running? `ss -ltnp | grep :" + port + "` names the process.");
            } catch (IOException free) {
                // nobody listens: good
            }
        }
    }
}
