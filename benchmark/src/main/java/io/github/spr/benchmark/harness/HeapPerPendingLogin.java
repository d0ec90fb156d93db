package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Heap the server holds per login that waits at the second factor: live heap after a full GC, before and after
 * opening N such logins, all for the same N users.
 * <ol>
 *   <li>Keycloak's OTP form, each user's first login: also puts every user into Keycloak's user cache.</li>
 *   <li>Keycloak's OTP form again: the auth session of a login waiting at a second factor, users cached.</li>
 *   <li>The email code page, twice (the second time once the first round's resend cooldown has passed), to show the
 *       figure is stable. Each round is read right away and again once the 30 s cooldown entries have expired and
 *       Infinispan's reaper (every 60 s) has removed them, leaving what stays while a user reads the mail: the auth
 *       session with the code's notes, and the send-quota slot, which lives for the quota window (1 h).</li>
 * </ol>
 * Email minus OTP form is what the step adds per waiting login.
 */
public final class HeapPerPendingLogin {

    /** The step's default cooldown (30 s) plus one run of Infinispan's reaper (60 s) plus slack. */
    private static final long SETTLE_MILLIS = 95_000;

    public record Stage(String label, int logins, long heapBefore, long heapAfter, String when) {
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
        long first = jcmd.usedHeapAfterFullGc();
        Thread.sleep(2000);
        long base = jcmd.usedHeapAfterFullGc();
        long noise = Math.abs(base - first);
        out.printf("[heap] baseline %,d bytes (two full GCs 2 s apart differ by %,d bytes)%n", base, noise);

        List<Account> users = accounts(firstAccount, count);
        long before = base;
        for (String label : List.of("Keycloak's OTP form, each user's first login (user enters the user cache)", "Keycloak's OTP form")) {
            int reached = logins.open(Flow.OTP, users, 4);
            long now = jcmd.usedHeapAfterFullGc();
            stages.add(report(new Stage(label, reached, before, now, "right away")));
            before = now;
        }
        for (int round = 1; round <= 2; round++) {
            List<Account> these = settle || round == 1 ? users : accounts(firstAccount + count, count);
            int reached = logins.open(Flow.EMAIL, these, 4);
            long now = jcmd.usedHeapAfterFullGc();
            String label = "the email code page, round " + round;
            stages.add(report(new Stage(label, reached, before, now, "right away")));
            if (settle) {
                Thread.sleep(SETTLE_MILLIS);
                now = jcmd.usedHeapAfterFullGc();
                stages.add(report(new Stage(label, reached, before, now, "after the cooldown entries expired")));
            }
            before = now;
        }
        return new Result(noise, stages);
    }

    private Stage report(Stage stage) {
        out.printf("[heap] %s (%s): %d logins, %,d -> %,d bytes = %,.0f bytes per login%n", stage.label(), stage.when(),
                stage.logins(), stage.heapBefore(), stage.heapAfter(), stage.bytesPerLogin());
        return stage;
    }

    private static List<Account> accounts(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(Account::number).toList();
    }
}
