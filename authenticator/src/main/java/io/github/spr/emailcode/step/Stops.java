package io.github.spr.emailcode.step;

import io.github.spr.emailcode.outcome.Outcome;
import java.util.Optional;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What stops a user at the step before anything is compared or sent: the realm's brute-force lockout, an address
 * that cannot get a code, a used-up wrong-code budget. A stopped login loses its code, so the guessing cannot go on
 * with it once the stop is lifted; the user gets a page that says why, with only a way to start over.
 */
final class Stops {

    private Stops() {
    }

    /** @return true when the user is stopped (or must wait for another request); the answer is then reported */
    static boolean apply(StepRequest request) {
        BruteForceLock lock = BruteForceLock.of(request.context, request.user);
        if (lock == BruteForceLock.ANOTHER_REQUEST_IN_PROGRESS) {
            request.report.report(Outcome.BUSY);
            return true;
        }
        Optional<Outcome> stop = bruteForceLockout(lock, request)
                .or(() -> Recipient.refusal(request.email, request.user.isEmailVerified(), request.config))
                .or(() -> request.limits.wrongCodeBudget().exhausted() ? Optional.of(Outcome.WRONG_CODE_BUDGET_USED_UP) : Optional.empty());
        if (stop.isEmpty()) {
            return false;
        }
        request.code.discard();
        if (stop.get() == Outcome.WRONG_CODE_BUDGET_USED_UP) {
            request.report.report(stop.get(), request.hoursUntilBudgetFrees());
        } else {
            request.report.report(stop.get());
        }
        return true;
    }

    /** Applied as Keycloak's OTP form applies it: while locked, every request gets Keycloak's lockout text. */
    private static Optional<Outcome> bruteForceLockout(BruteForceLock lock, StepRequest request) {
        AuthenticationSessionModel authSession = request.context.getAuthenticationSession();
        if (lock == BruteForceLock.NONE) {
            if (authSession.getAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID) != null) {
                // The lock was lifted since this login saw it.
                authSession.removeAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID);
                request.report.lockoutLifted();
            }
            return Optional.empty();
        }
        if (authSession.getAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID) == null) {
            authSession.setAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID, "true");
        }
        return Optional.of(lock == BruteForceLock.TEMPORARY ? Outcome.LOCKED_OUT_TEMPORARILY : Outcome.LOCKED_OUT_PERMANENTLY);
    }
}
