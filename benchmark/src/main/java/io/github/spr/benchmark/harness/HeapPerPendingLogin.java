package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Heap the server holds per login that waits at the second factor: live bytes after a full GC
 * ({@code jcmd GC.class_histogram}), before and after opening N such logins, all for the same N users.
 * <ol>
 *   <li>Keycloak's OTP form, each user's first login: also puts every user into Keycloak's user cache.</li>
 *   <li>Keycloak's OTP form again: what a login waiting at a second factor costs Keycloak itself.</li>
 *   <li>The email code page, twice (the second time once the first round's resend cooldown has passed), to show the
 *       figure is stable.</li>
 * </ol>
 * Each stage but the first is read right away and again after {@link #SETTLE_MILLIS}, when the step's 30 s cooldown
 * entries have expired and Infinispan's reaper (every 60 s) has removed them: what stays is what a user reading the
 * mail costs. The classes that grew most are listed, so the figure says what it is made of.
 */
public final class HeapPerPendingLogin {

    /** The step's default cooldown (30 s) plus one run of Infinispan's reaper (60 s) plus slack. */
    private static final long SETTLE_MILLIS = 95_000;
    private static final int GROWN_CLASSES = 12;

    public record Stage(String label, int logins, long heapBefore, long heapAfter, String when, List<Map.Entry<String, Long>> grown) {
        public double bytesPerLogin() {
            return logins == 0 ? Double.NaN : (heapAfter - heapBefore) / (double) logins;
        }
    }

    public record Result(long baselineNoiseBytes, List<Stage> stages) {
    }

    private final Jcmd jcmd;
    private final PendingLogins logins;
    private final PrintStream out;
    private final boolean settle;

    /** @param settle wait for the cooldown entries to go (the smoke run does not, and uses other users the second time) */
    public HeapPerPendingLogin(Jcmd jcmd, PendingLogins logins, PrintStream out, boolean settle) {
        this.jcmd = jcmd;
        this.logins = logins;
        this.out = out;
        this.settle = settle;
    }

    public Result measure(int firstAccount, int count) throws IOException, InterruptedException {
        List<Stage> stages = new ArrayList<>();
        Jcmd.Histogram first = jcmd.liveHistogram();
        Thread.sleep(2000);
        Jcmd.Histogram before = jcmd.liveHistogram();
        long noise = Math.abs(before.totalBytes() - first.totalBytes());
        out.printf("[heap] baseline %,d live bytes (two full GCs 2 s apart differ by %,d bytes)%n", before.totalBytes(), noise);

        List<Account> users = accounts(firstAccount, count);
        int reached = logins.open(Flow.OTP, users, 4);
        Jcmd.Histogram now = jcmd.liveHistogram();
        stages.add(report(stage("Keycloak's OTP form, each user's first login (user enters the user cache)", reached, before, now, "right away")));
        before = now;

        reached = logins.open(Flow.OTP, users, 4);
        before = readTwice("Keycloak's OTP form", reached, before, stages);
        for (int round = 1; round <= 2; round++) {
            List<Account> these = settle || round == 1 ? users : accounts(firstAccount + count, count);
            reached = logins.open(Flow.EMAIL, these, 4);
            before = readTwice("the email code page, round " + round, reached, before, stages);
        }
        return new Result(noise, stages);
    }

    private Jcmd.Histogram readTwice(String label, int reached, Jcmd.Histogram before, List<Stage> stages) throws IOException, InterruptedException {
        Jcmd.Histogram now = jcmd.liveHistogram();
        stages.add(report(stage(label, reached, before, now, "right away")));
        if (settle) {
            Thread.sleep(SETTLE_MILLIS);
            now = jcmd.liveHistogram();
            stages.add(report(stage(label, reached, before, now, "95 s later")));
        }
        return now;
    }

    private static Stage stage(String label, int reached, Jcmd.Histogram before, Jcmd.Histogram after, String when) {
        return new Stage(label, reached, before.totalBytes(), after.totalBytes(), when, after.grownSince(before, GROWN_CLASSES));
    }

    private Stage report(Stage stage) {
        out.printf("[heap] %s (%s): %d logins, %,d -> %,d bytes = %,.0f bytes per login; grown most: %s%n", stage.label(), stage.when(),
                stage.logins(), stage.heapBefore(), stage.heapAfter(), stage.bytesPerLogin(),
                stage.grown().stream().limit(5).map(e -> e.getKey() + " " + (stage.logins() == 0 ? 0 : e.getValue() / stage.logins()) + " B").toList());
        return stage;
    }

    private static List<Account> accounts(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(Account::number).toList();
    }
}
