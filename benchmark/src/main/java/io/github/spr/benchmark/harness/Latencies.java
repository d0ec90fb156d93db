package io.github.spr.benchmark.harness;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Response times (ms) per window and request, as Gatling measured them, for percentiles per flow. */
public final class Latencies {

    private final Map<String, Samples> byKey = new ConcurrentHashMap<>();

    public void record(int window, String step, int millis) {
        byKey.computeIfAbsent(window + "\u0000" + step, k -> new Samples()).add(millis);
    }

    /** All samples of {@code step} in the given windows. */
    public int[] of(Collection<Integer> windows, String step) {
        int[] all = new int[0];
        for (int window : windows) {
            Samples samples = byKey.get(window + "\u0000" + step);
            if (samples != null) {
                int[] these = samples.snapshot();
                int[] merged = Arrays.copyOf(all, all.length + these.length);
                System.arraycopy(these, 0, merged, all.length, these.length);
                all = merged;
            }
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of sorted samples; -1 when there are none. */
    public static int percentile(int[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static final class Samples {
        private int[] values = new int[256];
        private int size;

        synchronized void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized int[] snapshot() {
            return Arrays.copyOf(values, size);
        }
    }
}
