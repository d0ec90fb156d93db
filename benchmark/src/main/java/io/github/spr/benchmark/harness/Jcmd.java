package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code jcmd} against the server's JVM: full GCs, heap figures and flight recordings without touching the server. */
public final class Jcmd {

    /** {@code    1:     123456     7890123  [B (java.base@17)} */
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");

    private final long pid;

    public Jcmd(long pid) {
        this.pid = pid;
    }

    public String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
        return output;
    }

    /** Live objects by class after a full GC ({@code GC.class_histogram} collects first). */
    public record Histogram(long totalBytes, Map<String, Long> bytesByClass) {
        /** Classes whose live bytes grew most from {@code before} to this one. */
        public List<Map.Entry<String, Long>> grownSince(Histogram before, int limit) {
            Map<String, Long> delta = new HashMap<>(bytesByClass);
            before.bytesByClass.forEach((k, v) -> delta.merge(k, -v, Long::sum));
            return delta.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(limit).toList();
        }
    }

    public Histogram liveHistogram() throws IOException, InterruptedException {
        return histogram(run("GC.class_histogram"));
    }

    static Histogram histogram(String text) {
        Map<String, Long> bytes = new HashMap<>();
        Matcher row = HISTOGRAM_ROW.matcher(text);
        while (row.find()) {
            bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        Matcher total = HISTOGRAM_TOTAL.matcher(text);
        if (!total.find()) {
            throw new IllegalStateException("no total in the class histogram");
        }
        return new Histogram(Long.parseLong(total.group(1)), bytes);
    }

}
