package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The printed result of one run: Markdown, so docs/PERFORMANCE.md can quote it as is. */
public final class Report {

    /** Figures of one flow over its measured windows. */
    public record FlowFigures(Flow flow, List<Integer> windows, int logins, int incomplete, double seconds, double cpuMillis,
                              double minWindowCpuPerLogin, double maxWindowCpuPerLogin) {
        double loginsPerSecond() {
            return logins / seconds;
        }

        public double cpuPerLogin() {
            return cpuMillis / logins;
        }

        double idleCorrectedCpuPerLogin(double idleCpuMillisPerSecond) {
            return (cpuMillis - idleCpuMillisPerSecond * seconds) / logins;
        }
    }

    private final BenchSettings settings;
    private final WindowMarks marks;
    private final Latencies latencies;
    private final StringBuilder text = new StringBuilder();

    public Report(BenchSettings settings, WindowMarks marks, Latencies latencies) {
        this.settings = settings;
        this.marks = marks;
        this.latencies = latencies;
    }

    public Map<Flow, FlowFigures> measured() {
        Map<Flow, FlowFigures> figures = new EnumMap<>(Flow.class);
        for (Flow flow : Flow.values()) {
            List<Integer> windows = marks.plan().stream()
                    .filter(w -> w.kind() == Window.Kind.MEASURED && w.flow() == flow && marks.ran(w.index()))
                    .map(Window::index).toList();
            int logins = windows.stream().mapToInt(marks::done).sum();
            int incomplete = windows.stream().mapToInt(w -> marks.started(w) - marks.done(w)).sum();
            double seconds = windows.stream().mapToDouble(marks::seconds).sum();
            double cpu = windows.stream().mapToDouble(marks::cpuMillis).sum();
            double min = windows.stream().filter(w -> marks.done(w) > 0).mapToDouble(w -> marks.cpuMillis(w) / marks.done(w)).min().orElse(Double.NaN);
            double max = windows.stream().filter(w -> marks.done(w) > 0).mapToDouble(w -> marks.cpuMillis(w) / marks.done(w)).max().orElse(Double.NaN);
            figures.put(flow, new FlowFigures(flow, windows, logins, incomplete, seconds, cpu, min, max));
        }
        return figures;
    }

    public Report heading(String machine, String loadBefore, String loadAfter) {
        text.append("# Benchmark run\n\n");
        text.append(String.format("- server: Keycloak %s distribution, production mode (`start --optimized`), PostgreSQL, heap `%s`, caches as shipped, metrics off%n",
                System.getProperty("bench.keycloakVersion", "26.7.0"), settings.heapOptions()));
        text.append(String.format("- load: Gatling, %d concurrent users (closed model, each user one complete login, then the next), "
                        + "warm-up %d s per flow, %d rounds of interleaved windows of %d s (password, OTP, email)%n",
                settings.concurrentUsers(), settings.warmupSeconds(), settings.rounds(), settings.windowSeconds()));
        text.append(String.format("- SMTP relay: every reply delayed by %d ms in the interleaved windows%s%n", settings.relayDelaysMillis().get(0),
                settings.relayDelaysMillis().size() > 1 ? "; one extra email window per further delay " + settings.relayDelaysMillis().subList(1, settings.relayDelaysMillis().size()) + " ms" : ""));
        text.append(String.format("- step settings as shipped (cooldown 30 s, quota 5/h); %,d benchmark users, so no user meets its cooldown or quota%n", settings.loadAccounts()));
        text.append("- machine: ").append(machine).append('\n');
        text.append("- load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter).append("\n");
        if (settings.smoke()) {
            text.append("\n**Smoke run: checks the machinery only; its figures mean nothing.**\n");
        }
        return this;
    }

    public Report cpuTable(double idleCpuMillisPerSecond) {
        Map<Flow, FlowFigures> figures = measured();
        FlowFigures password = figures.get(Flow.PASSWORD);
        text.append("\n## Server CPU per login (interleaved windows)\n\n");
        text.append(String.format("Server JVM idle before the load: %.1f ms CPU per second (background work, included below; the "
                + "idle-subtracted column removes it).%n%n", idleCpuMillisPerSecond));
        text.append("| flow | logins | incomplete | logins/s | server CPU ms/login | per window (min–max) | idle-subtracted | added over password only |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FlowFigures f : figures.values()) {
            String added = f.flow() == Flow.PASSWORD ? "" : String.format("%+.1f ms", f.cpuPerLogin() - password.cpuPerLogin());
            text.append(String.format("| %s | %,d | %d | %.1f | %.1f | %.1f–%.1f | %.1f | %s |%n", f.flow().title, f.logins(), f.incomplete(),
                    f.loginsPerSecond(), f.cpuPerLogin(), f.minWindowCpuPerLogin(), f.maxWindowCpuPerLogin(),
                    f.idleCorrectedCpuPerLogin(idleCpuMillisPerSecond), added));
        }
        List<Integer> all = figures.values().stream().flatMap(f -> f.windows().stream()).toList();
        double seconds = all.stream().mapToDouble(marks::seconds).sum() * 1000;
        text.append(String.format("%nCores busy during the measured windows (of %d): Keycloak %.2f, load generator %.2f, "
                        + "everything else (PostgreSQL and any other process on the machine) %.2f.%n",
                Runtime.getRuntime().availableProcessors(), all.stream().mapToDouble(marks::cpuMillis).sum() / seconds,
                all.stream().mapToDouble(marks::loadGeneratorCpuMillis).sum() / seconds,
                all.stream().mapToDouble(marks::otherCpuMillis).sum() / seconds));
        double otpAdded = figures.get(Flow.OTP).cpuPerLogin() - password.cpuPerLogin();
        double emailAdded = figures.get(Flow.EMAIL).cpuPerLogin() - password.cpuPerLogin();
        text.append(String.format("%nEmail step's added CPU / OTP form's added CPU: **%.2f** (%.1f ms / %.1f ms; target ≤ 1.3)%n",
                emailAdded / otpAdded, emailAdded, otpAdded));

        text.append("\n## Response times per request (ms, interleaved windows)\n\n");
        text.append("| flow | request | count | p50 | p95 | p99 |\n|---|---|---:|---:|---:|---:|\n");
        for (FlowFigures f : figures.values()) {
            for (String step : Steps.of(f.flow())) {
                int[] sorted = latencies.of(f.windows(), step);
                text.append(String.format("| %s | %s | %,d | %d | %d | %d |%n", f.flow().title, step, sorted.length,
                        Latencies.percentile(sorted, 50), Latencies.percentile(sorted, 95), Latencies.percentile(sorted, 99)));
            }
        }
        return this;
    }

    public Report relayTable() {
        text.append("\n## The click on the address, by SMTP relay delay\n\n");
        text.append("The code is mailed in the background after the click's request has committed, so the page does not wait "
                + "for the relay; the relay still waits the delay before every SMTP reply (greeting, EHLO, MAIL, RCPT, DATA, end of data, "
                + "QUIT: about 7 delays per mail), and a login counts as done only after its code arrived and was entered.\n\n");
        text.append("| relay delay per reply | windows | logins | logins/s | server CPU ms/login | click p50 | click p95 | click p99 |\n");
        text.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        Map<Long, List<Window>> byDelay = new java.util.TreeMap<>();
        marks.plan().stream().filter(w -> w.flow() == Flow.EMAIL && w.kind() != Window.Kind.WARMUP && marks.ran(w.index()))
                .forEach(w -> byDelay.computeIfAbsent(w.relayDelayMillis(), d -> new java.util.ArrayList<>()).add(w));
        byDelay.forEach((delay, windows) -> {
            List<Integer> indexes = windows.stream().map(Window::index).toList();
            int logins = indexes.stream().mapToInt(marks::done).sum();
            double seconds = indexes.stream().mapToDouble(marks::seconds).sum();
            double cpu = indexes.stream().mapToDouble(marks::cpuMillis).sum();
            int[] click = latencies.of(indexes, Steps.ADDRESS_CLICK);
            text.append(String.format("| %d ms | %s | %,d | %.1f | %.1f | %d ms | %d ms | %d ms |%n", delay,
                    windows.get(0).kind() == Window.Kind.MEASURED ? "interleaved" : "extra " + windows.get(0).seconds() + " s",
                    logins, logins / seconds, cpu / logins, Latencies.percentile(click, 50), Latencies.percentile(click, 95), Latencies.percentile(click, 99)));
        });
        text.append("\nTarget: click → code page p95 ≤ 50 ms, also with a 300 ms relay.\n");
        return this;
    }

    /** Every window, so a disturbed one (another process busy, a GC storm) can be seen rather than averaged away. */
    public Report windowTable() {
        text.append("\n## Every window\n\n");
        text.append("| # | window | s | logins | incomplete | server CPU ms/login | server cores | load generator cores | other processes' cores |\n");
        text.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Window w : marks.plan()) {
            int i = w.index();
            if (!marks.ran(i)) {
                continue;
            }
            double ms = marks.seconds(i) * 1000;
            text.append(String.format("| %d | %s | %.1f | %d | %d | %.1f | %.2f | %.2f | %.2f |%n", i + 1, w.series(), marks.seconds(i),
                    marks.done(i), marks.started(i) - marks.done(i), marks.done(i) == 0 ? Double.NaN : marks.cpuMillis(i) / marks.done(i),
                    marks.cpuMillis(i) / ms, marks.loadGeneratorCpuMillis(i) / ms, marks.otherCpuMillis(i) / ms));
        }
        return this;
    }

    public Report heap(HeapPerPendingLogin.Result result) {
        text.append("\n## Heap per login waiting at the second factor\n\n");
        text.append(String.format("Live bytes after a full GC (`jcmd GC.class_histogram`), for the same users each stage; "
                + "two baseline readings 2 s apart differed by %,d bytes.%n%n", result.baselineNoiseBytes()));
        text.append("| logins pending at | read | logins | live heap before → after | bytes per pending login |\n|---|---|---:|---|---:|\n");
        for (HeapPerPendingLogin.Stage stage : result.stages()) {
            text.append(String.format("| %s | %s | %,d | %,d → %,d | %,.0f |%n", stage.label(), stage.when(), stage.logins(),
                    stage.heapBefore(), stage.heapAfter(), stage.bytesPerLogin()));
        }
        text.append("\nTarget: ≤ 2 KB per pending login.\n");
        for (HeapPerPendingLogin.Stage stage : result.stages()) {
            if (stage.logins() == 0) {
                continue;
            }
            text.append(String.format("%n**Grown most: %s (%s)**, bytes per pending login: ", stage.label(), stage.when()));
            text.append(String.join(", ", stage.grown().stream().limit(8)
                    .map(e -> "`" + e.getKey() + "` " + e.getValue() / stage.logins()).toList())).append('\n');
        }
        return this;
    }

    public Report jmh(Path jmhResults) throws IOException {
        text.append("\n## Micro-benchmarks (JMH, before the server started)\n\n");
        if (!Files.exists(jmhResults)) {
            text.append("Not run (`--no-jmh`).\n");
            return this;
        }
        text.append("```\n").append(Files.readString(jmhResults).strip()).append("\n```\n");
        issueAndVerifyMicros(Files.readString(jmhResults)).ifPresent(us ->
                text.append(String.format("%nIssue + verify: %.2f µs per login (target ≤ 20 µs)%n", us)));
        return this;
    }

    static Optional<Double> issueAndVerifyMicros(String jmhText) {
        Matcher matcher = Pattern.compile("issueThenVerify\\s+avgt\\s+(?:\\d+\\s+)?([\\d.,]+)").matcher(jmhText);
        return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1).replace(",", ""))) : Optional.empty();
    }

    public Report profile(String summary) {
        text.append("\n## Where the server's CPU went (JFR)\n\n").append(summary);
        return this;
    }

    public Report line(String line) {
        text.append(line).append('\n');
        return this;
    }

    public String text() {
        return text.toString();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
