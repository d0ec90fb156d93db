package io.github.spr.clustertest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's JVM really uses: resident memory now and at its peak ({@code /proc/<pid>/status}) and the Java heap
 * ({@code jcmd <pid> GC.heap_info}), to size {@code -Xmx} for two nodes beside other builds.
 */
record NodeMemory(String node, long pid, long rssKb, long peakRssKb, long heapUsedKb, long heapCommittedKb, long metaspaceUsedKb) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

    static NodeMemory of(String node, ProcessHandle jvm) throws IOException, InterruptedException {
        String status = Files.readString(Path.of("/proc", Long.toString(jvm.pid()), "status"));
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(jvm.pid()), "GC.heap_info").redirectErrorStream(true).start();
        String heapInfo = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        Matcher heap = HEAP.matcher(heapInfo);
        Matcher metaspace = METASPACE.matcher(heapInfo);
        boolean heapFound = heap.find();
        return new NodeMemory(node, jvm.pid(), kilobytes(status, "VmRSS"), kilobytes(status, "VmHWM"),
                heapFound ? Long.parseLong(heap.group(2)) : -1, heapFound ? Long.parseLong(heap.group(1)) : -1,
                metaspace.find() ? Long.parseLong(metaspace.group(1)) : -1);
    }

    private static long kilobytes(String status, String field) {
        Matcher matcher = Pattern.compile("^" + field + ":\\s+(\\d+) kB", Pattern.MULTILINE).matcher(status);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    @Override
    public String toString() {
        return String.format("%s (pid %d): RSS %d MiB (peak %d MiB), heap used %d MiB of %d MiB committed, metaspace %d MiB",
                node, pid, rssKb / 1024, peakRssKb / 1024, heapUsedKb / 1024, heapCommittedKb / 1024, metaspaceUsedKb / 1024);
    }
}
