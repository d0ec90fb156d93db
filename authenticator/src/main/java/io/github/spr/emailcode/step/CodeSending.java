package io.github.spr.emailcode.step;

import io.github.spr.emailcode.code.LoginCode;
import io.github.spr.emailcode.limits.SlidingWindowLimit;
import io.github.spr.emailcode.limits.UserLimits;
import io.github.spr.emailcode.outcome.Outcome;
import java.util.List;
import java.util.Optional;
import org.keycloak.email.EmailException;

/**
 * Sends a login a fresh code when the user's cooldown and send quota allow it. Fail closed: unless the code was
 * handed over for mailing, the login has no code and every limit slot taken for it is given back, whatever went
 * wrong; a failure after the hand-over is the {@link Mail}'s to settle the same way.
 */
final class CodeSending {

    /** Hands a code over to be mailed, at once or in the background. */
    @FunctionalInterface
    interface Mail {
        /**
         * @param returnOnFailure the limit slots taken for this mail: whoever finds out that it could not be sent
         *                        gives them back
         * @throws EmailException when the code could not even be handed over
         */
        void send(LoginCode.Issued code, List<SlidingWindowLimit.Slot> returnOnFailure) throws EmailException;
    }

    /**
     * @param waitSeconds for {@link Outcome#RESEND_TOO_SOON} and {@link Outcome#SEND_QUOTA_USED_UP}
     * @param failure     for {@link Outcome#SEND_FAILED}: what went wrong, for the server log
     */
    record Result(Outcome outcome, int waitSeconds, Exception failure) {
    }

    private final LoginCode code;
    private final UserLimits limits;
    private final Mail mail;

    CodeSending(LoginCode code, UserLimits limits, Mail mail) {
        this.code = code;
        this.limits = limits;
        this.mail = mail;
    }

    /**
     * @param now       Keycloak's clock in seconds (the code's lifetime)
     * @param nowMillis the same clock in milliseconds (the limits)
     */
    Result send(boolean resend, long now, long nowMillis) {
        SlidingWindowLimit cooldown = limits.cooldown();
        SlidingWindowLimit quota = limits.sendQuota();
        Optional<SlidingWindowLimit.Slot> cooldownSlot = cooldown.tryTake(nowMillis);
        if (cooldownSlot.isEmpty()) {
            return new Result(Outcome.RESEND_TOO_SOON, limits.secondsUntilNextSend(nowMillis), null);
        }
        Optional<SlidingWindowLimit.Slot> quotaSlot = quota.tryTake(nowMillis);
        if (quotaSlot.isEmpty()) {
            cooldown.giveBack(cooldownSlot.get());
            return new Result(Outcome.SEND_QUOTA_USED_UP, quota.secondsUntilFree(nowMillis), null);
        }
        boolean sent = false;
        try {
            mail.send(code.issue(now), List.of(cooldownSlot.get(), quotaSlot.get()));
            sent = true;
            return new Result(resend ? Outcome.CODE_RESENT : Outcome.CODE_SENT, 0, null);
        } catch (EmailException | RuntimeException e) {
            return new Result(Outcome.SEND_FAILED, 0, e);
        } finally {
            if (!sent) {
                code.discard();
                cooldown.giveBack(cooldownSlot.get());
                quota.giveBack(quotaSlot.get());
            }
        }
    }
}
