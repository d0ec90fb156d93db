package io.github.spr.emailcode.steps;

import io.github.spr.emailcode.code.AuthSessionCodeStore;
import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.code.CodeIssuer;
import io.github.spr.emailcode.code.CodeStore;
import io.github.spr.emailcode.code.CodeVerifier;
import io.github.spr.emailcode.code.RealmMacKeys;
import io.github.spr.emailcode.code.Verdict;
import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.limits.ResendCooldown;
import io.github.spr.emailcode.mail.CodeMailer;
import io.github.spr.emailcode.mail.EmailMasker;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The email-code step as a small state machine: confirm the address, then send, validate, resend, or start over.
 * Nothing is emailed from {@link #authenticate}: Keycloak calls it again on every reload of the page.
 */
public final class EmailCodeAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(EmailCodeAuthenticator.class);

    private final CodeGenerator generator;

    public EmailCodeAuthenticator(CodeGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Step step = new Step(context);
        if (step.email == null) {
            refuseWithoutEmail(step);
            return;
        }
        if (step.store.load().isPresent()) {
            context.challenge(Pages.code(context, step.shownAddress, step.config, step.cooldown.remainingSeconds(step.now), UnaryOperator.identity()));
        } else {
            context.challenge(Pages.choose(context, step.config, step.shownAddress, UnaryOperator.identity()));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Step step = new Step(context);
        if (step.email == null) {
            refuseWithoutEmail(step);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FormFields.ACTION);
        if (FormFields.SEND.equals(action)) {
            send(step, false);
        } else if (FormFields.RESEND.equals(action)) {
            send(step, true);
        } else {
            // "validate", or a form submitted without naming its button (e.g. Enter in some browsers).
            validate(step, form.getFirst(FormFields.CODE));
        }
    }

    private void send(Step step, boolean resend) {
        AuthenticationFlowContext context = step.context;
        boolean codeActive = step.store.load().isPresent();
        if (!resend && codeActive) {
            // A second click on the address or a replayed first page: the code already sent stays the one.
            context.challenge(Pages.code(context, step.shownAddress, step.config, step.cooldown.remainingSeconds(step.now), UnaryOperator.identity()));
            return;
        }
        int wait = step.cooldown.tryClaim(step.now);
        if (wait > 0) {
            UnaryOperator<LoginFormsProvider> tooSoon = f -> f.setError(MessageKeys.RESEND_TOO_SOON, Integer.toString(wait));
            context.challenge(codeActive
                    ? Pages.code(context, step.shownAddress, step.config, wait, tooSoon)
                    : Pages.choose(context, step.config, step.shownAddress, tooSoon));
            return;
        }
        String code = new CodeIssuer(generator, new RealmMacKeys(step.session, step.realm))
                .issue(step.store, step.binding(), step.config.codeLength(), step.config.codeLifetimeSeconds(), step.now);
        try {
            new CodeMailer(step.session).send(step.realm, step.user, step.authSession, code, step.config.codeLifetimeSeconds());
        } catch (EmailException e) {
            // Fail closed: no code exists for this login unless its mail went out.
            step.store.clear();
            step.cooldown.release();
            LOG.warnf("Could not email a verification code to user %s in realm %s (%s)",
                    step.user.getId(), step.realm.getName(), e.getClass().getSimpleName());
            context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                    .user(step.user)
                    .detail(Details.EMAIL, EmailMasker.mask(step.email))
                    .detail(EmailCodeEvents.DETAIL, EmailCodeEvents.SEND_FAILED)
                    .error(Errors.EMAIL_SEND_FAILED);
            context.challenge(Pages.choose(context, step.config, step.shownAddress, f -> f.setError(MessageKeys.SEND_FAILED)));
            return;
        }
        context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                .user(step.user)
                .detail(Details.EMAIL, EmailMasker.mask(step.email))
                .detail(EmailCodeEvents.DETAIL, resend ? EmailCodeEvents.CODE_RESENT : EmailCodeEvents.CODE_SENT)
                .success();
        UnaryOperator<LoginFormsProvider> message = resend
                ? f -> f.setSuccess(MessageKeys.RESENT, step.shownAddress)
                : UnaryOperator.identity();
        context.challenge(Pages.code(context, step.shownAddress, step.config, step.cooldown.remainingSeconds(step.now), message));
    }

    private void validate(Step step, String input) {
        AuthenticationFlowContext context = step.context;
        CodeVerifier.Result result = new CodeVerifier(new RealmMacKeys(step.session, step.realm))
                .verify(step.store, step.binding(), input, step.config.codeLength(), step.config.maxAttempts(), step.now);
        switch (result.verdict()) {
            case ACCEPTED -> {
                context.getEvent().detail(EmailCodeEvents.DETAIL, EmailCodeEvents.VALIDATED);
                context.success();
            }
            case EMPTY -> context.challenge(codePageWithFieldError(step, MessageKeys.MISSING));
            case MALFORMED -> context.challenge(codePageWithFieldError(step, MessageKeys.MALFORMED, Integer.toString(step.config.codeLength())));
            case NO_ACTIVE_CODE -> context.challenge(codePageWithFieldError(step, MessageKeys.NO_ACTIVE_CODE));
            case EXPIRED -> {
                context.getEvent().clone().user(step.user)
                        .detail(EmailCodeEvents.DETAIL, EmailCodeEvents.EXPIRED_CODE)
                        .error(Errors.EXPIRED_CODE);
                context.challenge(codePageWithFieldError(step, MessageKeys.EXPIRED));
            }
            case WRONG, WRONG_CODE_VOIDED -> {
                // The pattern of Keycloak's OTP form: an error event plus failureChallenge, which brute-force detection counts.
                context.getEvent().user(step.user)
                        .detail(EmailCodeEvents.DETAIL, EmailCodeEvents.WRONG_CODE)
                        .error(Errors.INVALID_USER_CREDENTIALS);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, result.verdict() == Verdict.WRONG
                        ? codePageWithFieldError(step, MessageKeys.WRONG, Integer.toString(result.attemptsLeft()))
                        : codePageWithFieldError(step, MessageKeys.WRONG_AND_VOIDED));
            }
        }
    }

    private static Response codePageWithFieldError(Step step, String key, Object... params) {
        return Pages.code(step.context, step.shownAddress, step.config, step.cooldown.remainingSeconds(step.now),
                f -> f.addError(new FormMessage(FormFields.CODE, key, params)));
    }

    private static void refuseWithoutEmail(Step step) {
        step.context.getEvent().clone().user(step.user)
                .detail(EmailCodeEvents.DETAIL, EmailCodeEvents.NO_EMAIL)
                .error(Errors.INVALID_EMAIL);
        step.context.forceChallenge(Pages.unavailable(step.context, step.config, MessageKeys.NO_EMAIL));
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

    /** What one request of the step works with. */
    private static final class Step {
        final AuthenticationFlowContext context;
        final KeycloakSession session;
        final RealmModel realm;
        final UserModel user;
        final AuthenticationSessionModel authSession;
        final EmailCodeConfig config;
        final CodeStore store;
        final ResendCooldown cooldown;
        final String email;
        final String shownAddress;
        final long now;

        Step(AuthenticationFlowContext context) {
            this.context = context;
            this.session = context.getSession();
            this.realm = context.getRealm();
            this.user = context.getUser();
            this.authSession = context.getAuthenticationSession();
            this.config = ConfigReader.read(context.getAuthenticatorConfig());
            this.store = new AuthSessionCodeStore(authSession);
            this.cooldown = new ResendCooldown(session.singleUseObjects(), realm.getId(), user.getId(), config.resendCooldownSeconds());
            String address = user.getEmail();
            this.email = address == null || address.isBlank() ? null : address.trim();
            this.shownAddress = email == null ? null : Pages.shownAddress(email, config);
            this.now = Time.currentTime();
        }

        String binding() {
            return AuthSessionCodeStore.loginBinding(authSession, user.getId());
        }
    }
}
