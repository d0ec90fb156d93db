package io.github.spr.benchmark.harness;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

/**
 * When each window began and ended, the server's CPU time at those moments, and the logins it started and completed.
 * Gatling starts a window only when every user of the one before has finished, so the start of one window is the
 * end of the one before, and no login of one flow runs inside another flow's window.
 */
public final class WindowMarks {

    private final List<Window> plan;
    private final ProcessCpu cpu;
    private final Consumer<Window> onStart;
    private final long[] startMillis;
    private final long[] endMillis;
    private final double[] startCpu;
    private final double[] endCpu;
    private final double[] startMachine;
    private final double[] endMachine;
    private final double[] startSelf;
    private final double[] endSelf;
    private final ProcessCpu self = new ProcessCpu(ProcessHandle.current().pid());
    private final AtomicIntegerArray loginsStarted;
    private final AtomicIntegerArray loginsDone;
    private int current = -1;

    public WindowMarks(List<Window> plan, ProcessCpu cpu, Consumer<Window> onStart) {
        this.plan = plan;
        this.cpu = cpu;
        this.onStart = onStart;
        this.startMillis = new long[plan.size()];
        this.endMillis = new long[plan.size()];
        this.startCpu = new double[plan.size()];
        this.endCpu = new double[plan.size()];
        this.startMachine = new double[plan.size()];
        this.endMachine = new double[plan.size()];
        this.startSelf = new double[plan.size()];
        this.endSelf = new double[plan.size()];
        this.loginsStarted = new AtomicIntegerArray(plan.size());
        this.loginsDone = new AtomicIntegerArray(plan.size());
    }

    /** Called by every login as it begins; only the first of a window marks anything. */
    public void loginStarted(int window) {
        if (window > current) {
            begin(window);
        }
        loginsStarted.incrementAndGet(window);
    }

    public void loginDone(int window) {
        loginsDone.incrementAndGet(window);
    }

    private synchronized void begin(int window) {
        if (window <= current) {
            return;
        }
        long now = System.currentTimeMillis();
        double cpuNow = cpu.cpuMillis();
        double machineNow = MachineCpu.busyMillis();
        double selfNow = self.cpuMillis();
        if (current >= 0) {
            endMillis[current] = now;
            endCpu[current] = cpuNow;
            endMachine[current] = machineNow;
            endSelf[current] = selfNow;
        }
        onStart.accept(plan.get(window));
        startMillis[window] = now;
        startCpu[window] = cpu.cpuMillis();
        startMachine[window] = MachineCpu.busyMillis();
        startSelf[window] = self.cpuMillis();
        current = window;
    }

    /** After the last window's users have finished. */
    public synchronized void closeLast() {
        if (current >= 0 && endMillis[current] == 0) {
            endMillis[current] = System.currentTimeMillis();
            endCpu[current] = cpu.cpuMillis();
            endMachine[current] = MachineCpu.busyMillis();
            endSelf[current] = self.cpuMillis();
        }
    }

    public List<Window> plan() {
        return plan;
    }

    public boolean ran(int window) {
        return endMillis[window] > 0;
    }

    public long startMillis(int window) {
        return startMillis[window];
    }

    public long endMillis(int window) {
        return endMillis[window];
    }

    public double seconds(int window) {
        return (endMillis[window] - startMillis[window]) / 1000.0;
    }

    public double cpuMillis(int window) {
        return endCpu[window] - startCpu[window];
    }

    /** CPU of the load generator (this JVM: Gatling, the relay, the harness) in the window. */
    public double loadGeneratorCpuMillis(int window) {
        return endSelf[window] - startSelf[window];
    }

    /** CPU of every other process (PostgreSQL, and whatever else runs on the machine) in the window. */
    public double otherCpuMillis(int window) {
        return (endMachine[window] - startMachine[window]) - cpuMillis(window) - loadGeneratorCpuMillis(window);
    }

    public int started(int window) {
        return loginsStarted.get(window);
    }

    public int done(int window) {
        return loginsDone.get(window);
    }
}
