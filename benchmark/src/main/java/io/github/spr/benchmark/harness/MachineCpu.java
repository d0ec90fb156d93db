package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine has been busy (all cores, every process), from the first line of {@code /proc/stat}.
 * Minus the server and the load generator, it tells how much else ran during a window: figures measured while
 * another build ran are worthless, and this says so in the report rather than leaving it to memory.
 */
public final class MachineCpu {

    private static final long TICKS_PER_SECOND = 100;

    private MachineCpu() {
    }

    public static double busyMillis() {
        try {
            return parseBusyTicks(Files.readAllLines(Path.of("/proc/stat")).get(0)) * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code cpu user nice system idle iowait irq softirq steal ...}: everything but idle and iowait. */
    static long parseBusyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }
}
