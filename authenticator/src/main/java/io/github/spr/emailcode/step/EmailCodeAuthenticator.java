package io.github.spr.emailcode.step;

import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.outcome.Outcome;
import io.github.spr.emailcode.page.FormFields;
import io.github.spr.emailcode.placement.PlacementCheck;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The email step, after the password: (1) "Verify your identity" shows the address; (2) a click on it emails a
 * code; (3) the code entered within its lifetime lets the login go on. Resend sends a new code, and starting over
 * is always offered. Nothing is emailed from {@link #authenticate}: Keycloak calls it again on every reload.
 * Every request first checks what stops the user outright, so no path sends or compares anything for them.
 */
public final class EmailCodeAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(EmailCodeAuthenticator.class);

    private final CodeGenerator generator;

    public EmailCodeAuthenticator(CodeGenerator generator) {
        this.generator = generator;
    }

    /** A first visit or a reload: the address page, the code page once a code was sent, or a retry if its mail failed. */
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        PlacementCheck.check(context.getSession(), context.getRealm(), context.getExecution());
        StepRequest request = StepRequest.of(context, generator);
        AttemptedUsernameMask.apply(context);
        if (Stops.apply(request)) {
            return;
        }
        if (request.code.mailFailed()) {
            request.code.discard();
            request.report.report(Outcome.MAIL_NOT_SENT);
            return;
        }
        request.report.report(request.code.isActive() ? Outcome.CODE_PAGE_SHOWN : Outcome.ADDRESS_SHOWN);
    }

    /** A post from one of the step's pages: send, resend, or validate. */
    @Override
    public void action(AuthenticationFlowContext context) {
        StepRequest request = StepRequest.of(context, generator);
        AttemptedUsernameMask.apply(context);
        if (Stops.apply(request)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FormFields.ACTION);
        if (FormFields.SEND.equals(action)) {
            send(request, false);
        } else if (FormFields.RESEND.equals(action)) {
            send(request, true);
        } else {
            // "validate", or a form submitted without naming its button (e.g. Enter in some browsers).
            CodeValidation.validate(request, form.getFirst(FormFields.CODE));
        }
    }

    private static void send(StepRequest request, boolean resend) {
        if (!resend && request.code.isActive() && !request.code.mailFailed()) {
            // A second click on the address or a replayed first page: the code already sent stays the one.
            request.report.report(Outcome.CODE_PAGE_SHOWN);
            return;
        }
        CodeSending.Result result = new CodeSending(request.code, request.limits, request.delivery()).send(resend, request.now, request.nowMillis);
        switch (result.outcome()) {
            case CODE_RESENT -> request.report.report(Outcome.CODE_RESENT, request.shownAddress);
            case RESEND_TOO_SOON -> request.report.report(Outcome.RESEND_TOO_SOON, Integer.toString(result.waitSeconds()));
            case SEND_QUOTA_USED_UP -> request.report.report(Outcome.SEND_QUOTA_USED_UP,
                    Integer.toString((int) Math.ceil(result.waitSeconds() / 60.0)));
            case SEND_FAILED -> {
                LOG.warnf("Could not email a verification code to user %s in realm %s (%s)",
                        request.user.getId(), request.context.getRealm().getName(), result.failure().getClass().getSimpleName());
                request.report.report(Outcome.SEND_FAILED);
            }
            default -> request.report.report(result.outcome());
        }
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * Always true: a user without a usable address gets this step's own explanation page rather than Keycloak's
     * generic "credential setup required" error, and never a way past the step.
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Nothing for the user to set up: the code goes to the address the account already has.
    }

    @Override
    public void close() {
    }
}
