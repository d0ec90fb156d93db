package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far (user + system, all its threads: request handling, GC, JIT, caches), read
 * from {@code /proc/<pid>/stat}. Read at window boundaries it gives the server's CPU per login, whatever the load
 * generator on the same machine takes.
 */
public final class ProcessCpu {

    /** USER_HZ: the unit of utime/stime. 100 on every Linux this runs on; {@code getconf CLK_TCK} says so. */
    private static final long TICKS_PER_SECOND = clockTicks();

    private final long pid;

    public ProcessCpu(long pid) {
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }

    public double cpuMillis() {
        try {
            return parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * 1000.0 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** utime and stime are fields 14 and 15; the command name (field 2) may contain spaces, so count after its ')'. */
    static long parseCpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field 14 is fields[11].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
