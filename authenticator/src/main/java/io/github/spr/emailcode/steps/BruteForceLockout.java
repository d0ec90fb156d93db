package io.github.spr.emailcode.steps;

import io.github.spr.emailcode.code.CodeStore;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The realm's brute-force lockout, applied the way Keycloak's OTP form applies it: while the user is locked,
 * every request gets Keycloak's lockout message and nothing is compared or sent, even a right code.
 * Unlike the OTP form, a lockout also voids the login's code, so the guessing cannot resume on it afterwards.
 */
final class BruteForceLockout {

    private BruteForceLockout() {
    }

    /** @return true when the user is locked out and the response is set */
    static boolean refuse(AuthenticationFlowContext context, UserModel user, CodeStore store,
                          Function<String, Response> pageWithMessage) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String error = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (error == null) {
            // The lock may have been lifted since this login saw it.
            authSession.removeAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID);
            return false;
        }
        store.clear();
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.SESSION_INVALID, "true");
        context.getEvent().user(user)
                .detail(EmailCodeEvents.DETAIL, EmailCodeEvents.LOCKED_OUT)
                .error(error);
        String message = Errors.USER_TEMPORARILY_DISABLED.equals(error) ? MessageKeys.LOCKED_TEMPORARILY : MessageKeys.LOCKED_PERMANENTLY;
        // forceChallenge: shown whatever the requirement, and not counted as one more failure.
        context.forceChallenge(pageWithMessage.apply(message));
        return true;
    }
}
