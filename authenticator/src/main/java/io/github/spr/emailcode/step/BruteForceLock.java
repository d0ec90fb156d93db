package io.github.spr.emailcode.step;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;

/**
 * The realm's brute-force lock on a user, as the step must treat it. Keycloak's default (blocking) protector also
 * answers "locked" to every request of a user while another request of that user is being handled, so that attempts
 * run one at a time. That is no lock: the step waits it out instead of ending the login's code.
 */
enum BruteForceLock {
    NONE,
    TEMPORARY,
    PERMANENT,
    ANOTHER_REQUEST_IN_PROGRESS;

    static BruteForceLock of(AuthenticationFlowContext context, UserModel user) {
        String error = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (error == null) {
            return NONE;
        }
        if (!recorded(context.getRealm(), context.getSession().loginFailures().getUserLoginFailure(context.getRealm(), user.getId()), user)) {
            return ANOTHER_REQUEST_IN_PROGRESS;
        }
        return Errors.USER_TEMPORARILY_DISABLED.equals(error) ? TEMPORARY : PERMANENT;
    }

    /** What Keycloak's protector itself looks at to decide a lock, without the "another request" answer. */
    private static boolean recorded(RealmModel realm, UserLoginFailureModel failures, UserModel user) {
        if (!user.isEnabled()) {
            // A permanent lockout disables the account.
            return true;
        }
        if (failures == null) {
            return false;
        }
        if (Time.currentTimeMillis() / 1000 < failures.getFailedLoginNotBefore()) {
            return true;
        }
        return realm.isPermanentLockout() && failures.getNumTemporaryLockouts() > realm.getMaxTemporaryLockouts();
    }
}
