package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One benchmark run around the Gatling simulation: before the load it starts the relay, the database and the
 * server, sets up the realm and measures heap per pending login; during the load it marks the windows; after it,
 * it reads the profile, writes the report and stops everything.
 */
public final class BenchmarkRun {

    private static BenchmarkRun instance;

    private final BenchSettings settings;
    private final List<Window> plan;
    private final Latencies latencies = new Latencies();
    private final Map<Flow, AtomicLong> nextAccount = new EnumMap<>(Flow.class);
    private final PrintStream out = System.out;
    private RelaySmtpServer smtp;
    private BenchmarkServer server;
    private ProcessCpu cpu;
    private Jcmd jcmd;
    private WindowMarks marks;
    private JfrRecording recording;
    private HeapPerPendingLogin.Result heap;
    private double idleCpuMillisPerSecond;
    private String loadBefore;

    private BenchmarkRun(BenchSettings settings) {
        this.settings = settings;
        this.plan = WindowPlan.of(settings);
        for (Flow flow : Flow.values()) {
            // Each flow starts at its own third of the users; no two flows use one user at the same moment.
            nextAccount.put(flow, new AtomicLong((long) flow.ordinal() * settings.loadAccounts() / Flow.values().length));
        }
    }

    public static synchronized BenchmarkRun instance() {
        if (instance == null) {
            instance = new BenchmarkRun(BenchSettings.fromSystemProperties());
        }
        return instance;
    }

    public BenchSettings settings() {
        return settings;
    }

    public List<Window> plan() {
        return plan;
    }

    public void start() throws Exception {
        loadBefore = loadAverage();
        out.println("[bench] load average before: " + loadBefore);
        for (int port : new int[] {BenchmarkServer.HTTP_PORT, BenchmarkServer.MANAGEMENT_PORT, BenchSettings.SMTP_PORT}) {
            requireFree(port);
        }
        Files.createDirectories(settings.outputDir());
        smtp = new RelaySmtpServer(BenchSettings.SMTP_PORT);
        smtp.start();
        smtp.replyDelayMillis(plan.get(0).relayDelayMillis());

        out.println("[bench] recreating database " + BenchmarkDatabase.NAME);
        BenchmarkDatabase.recreate();
        server = new BenchmarkServer(settings.keycloakDir().resolve("keycloak-" + keycloakVersion()), settings.outputDir().resolve("run"), settings.heapOptions());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "benchmark-stop"));
        long started = System.nanoTime();
        out.println("[bench] kc.sh build + start --optimized (log: " + server.logFile() + ")");
        server.start(settings.projectDir().resolve("authenticator/target/spr-email-code.jar"),
                settings.projectDir().resolve("realm-config/portal-realm.json"),
                Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(BenchSettings.SMTP_PORT), "PORTAL_URL", BenchSettings.PORTAL_URL));
        out.printf("[bench] Keycloak ready after %.0f s (JVM pid %d)%n", (System.nanoTime() - started) / 1e9, server.jvmPid());

        new BenchmarkRealm(new AdminClient(BenchmarkServer.URL, BenchmarkServer.ADMIN_USER, BenchmarkServer.ADMIN_PASSWORD), out)
                .setUp(settings.totalAccounts(), BenchSettings.PORTAL_URL);
        cpu = new ProcessCpu(server.jvmPid());
        jcmd = new Jcmd(server.jvmPid());

        heap = new HeapPerPendingLogin(jcmd, new PendingLogins(smtp), out, !settings.smoke())
                .measure(settings.firstPendingAccount(), settings.pendingLogins());

        Thread.sleep(2000);
        double idleStart = cpu.cpuMillis();
        Thread.sleep(5000);
        idleCpuMillisPerSecond = (cpu.cpuMillis() - idleStart) / 5.0;
        out.printf("[bench] idle server CPU: %.1f ms per second%n", idleCpuMillisPerSecond);

        marks = new WindowMarks(plan, cpu, window -> {
            smtp.replyDelayMillis(window.relayDelayMillis());
            out.printf("[bench] window %d/%d: %s, %d s, relay delay %d ms%n", window.index() + 1, plan.size(), window.series(),
                    window.seconds(), window.relayDelayMillis());
        });
        if (settings.profile()) {
            recording = new JfrRecording(jcmd, settings.outputDir());
            recording.start();
        }
    }

    /** The next user for {@code flow}, round robin over the load's users. */
    public Account nextAccount(Flow flow) {
        return Account.number((int) (nextAccount.get(flow).getAndIncrement() % settings.loadAccounts()));
    }

    public RelaySmtpServer smtp() {
        return smtp;
    }

    public void loginStarted(int window) {
        marks.loginStarted(window);
    }

    public void loginDone(int window) {
        marks.loginDone(window);
    }

    public void record(int window, String step, int millis) {
        latencies.record(window, step, millis);
    }

    public void finish() throws Exception {
        marks.closeLast();
        Path jfr = recording == null ? null : recording.stop();
        Report report = new Report(settings, marks, latencies);
        report.heading(machine(), loadBefore, loadAverage())
                .cpuTable(idleCpuMillisPerSecond)
                .relayTable()
                .heap(heap)
                .jmh(settings.outputDir().resolveSibling("jmh.txt"));
        report.windowTable();
        if (jfr != null) {
            report.profile(JfrSummary.summarize(jfr, profileSeries(report.measured()), Flow.PASSWORD.key));
            report.line("\nRecording: `" + jfr + "` (open in JDK Mission Control, or `jfr print --events jdk.ExecutionSample`).");
        }
        report.line(String.format("%nRelay: %,d mails received, %,d without a code.", smtp.mailsReceived(), smtp.mailsWithoutCode()));
        stopQuietly();
        Path file = settings.outputDir().resolve("report.md");
        report.write(file);
        out.println();
        out.println(report.text());
        out.println("[bench] report written to " + file);

        // The run's only verdict: did the machinery work. Timings never fail it.
        String broken = report.measured().values().stream().filter(f -> f.logins() == 0).map(f -> f.flow().title)
                .collect(Collectors.joining(", "));
        if (!broken.isEmpty()) {
            throw new IllegalStateException("no login completed for: " + broken + "; see " + server.logFile());
        }
    }

    private List<JfrSummary.Series> profileSeries(Map<Flow, Report.FlowFigures> figures) {
        return figures.values().stream().map(f -> new JfrSummary.Series(f.flow().key,
                f.windows().stream().map(w -> new JfrSummary.Span(marks.startMillis(w), marks.endMillis(w))).toList(),
                f.logins(), f.cpuPerLogin())).toList();
    }

    private synchronized void stopQuietly() {
        if (server != null) {
            server.stop();
        }
        if (smtp != null) {
            try {
                smtp.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static String keycloakVersion() {
        return System.getProperty("bench.keycloakVersion", "26.7.0");
    }

    private static void requireFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            throw new IllegalStateException("port " + port + " is in use; the benchmark needs it");
        } catch (IOException free) {
            // nothing listens: good
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String model = "unknown CPU";
        String memory = "";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(", %.0f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("");
        } catch (IOException | RuntimeException e) {
            // best effort
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + ")" + memory + ", Java " + System.getProperty("java.version")
                + ", load generator on the same machine";
    }
}
