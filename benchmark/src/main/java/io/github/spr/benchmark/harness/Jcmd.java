package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code jcmd} against the server's JVM: full GCs, heap figures and flight recordings without touching the server. */
public final class Jcmd {

    /** G1: {@code garbage-first heap   total 1048576K, used 123456K [...]}. */
    private static final Pattern USED_HEAP = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

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

    /** Used heap in bytes after a full, synchronous GC ({@code System.gc()} in the server). */
    public long usedHeapAfterFullGc() throws IOException, InterruptedException {
        run("GC.run");
        return usedHeap(run("GC.heap_info"));
    }

    static long usedHeap(String heapInfo) {
        Matcher matcher = USED_HEAP.matcher(heapInfo);
        if (!matcher.find()) {
            throw new IllegalStateException("no used heap in: " + heapInfo);
        }
        return Long.parseLong(matcher.group(1)) * 1024;
    }
}
