package io.github.spr.emailcode.step;

import io.github.spr.emailcode.text.EmailMasker;
import java.util.Map;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * People sign in with their email, so the "attempted username" is the full address. Keycloak shows it above every
 * form and copies it into later events (the final LOGIN, RESTART_AUTHENTICATION) and into the user session's login
 * name. Once the user reaches this step it is masked there, and in this request's event.
 */
final class AttemptedUsernameMask {

    private AttemptedUsernameMask() {
    }

    static void apply(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String attempted = authSession.getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        if (attempted != null && attempted.contains("@") && !attempted.equals(EmailMasker.mask(attempted))) {
            // Written once: the authentication session is replicated, so no needless write on every request.
            authSession.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, EmailMasker.mask(attempted));
        }
        Map<String, String> details = context.getEvent().getEvent().getDetails();
        String username = details == null ? null : details.get(Details.USERNAME);
        if (username != null && username.contains("@")) {
            context.getEvent().detail(Details.USERNAME, EmailMasker.mask(username));
        }
    }
}
