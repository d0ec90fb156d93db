package io.github.spr.emailcode.steps;

import io.github.spr.emailcode.code.AuthSessionCodeStore;
import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.code.CodeIssuer;
import io.github.spr.emailcode.code.CodeStore;
import io.github.spr.emailcode.code.CodeVerifier;
import io.github.spr.emailcode.code.RealmMacKeys;
import io.github.spr.emailcode.code.Verdict;
import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.limits.SlidingWindowLimit;
import io.github.spr.emailcode.limits.UserLimits;
import io.github.spr.emailcode.limits.WrongCodeBudget;
import io.github.spr.emailcode.mail.CodeMailer;
import io.github.spr.emailcode.mail.EmailMasker;
import io.github.spr.emailcode.metrics.EmailCodeMetrics;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The email-code step as a small state machine: confirm the address, then send, validate, resend, or start over.
 * Nothing is emailed from {@link #authenticate}: Keycloak calls it again on every reload of the page.
 * Every request first checks what may stop the user outright (a brute-force lockout, an address that cannot get
 * a code, a used-up wrong-code budget), so no path sends or compares anything for such a user.
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
        if (refusedOutright(step)) {
            return;
        }
        if (step.store.load().isPresent()) {
            context.challenge(step.codePage(UnaryOperator.identity()));
        } else {
            context.challenge(Pages.choose(context, step.shownAddress, UnaryOperator.identity()));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Step step = new Step(context);
        if (refusedOutright(step)) {
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

    private boolean refusedOutright(Step step) {
        if (BruteForceLockout.refuse(step.context, step.user, step.store,
                message -> step.codePage(f -> f.addError(new FormMessage(FormFields.CODE, message))))) {
            EmailCodeMetrics.lockout(step.realm.getName(), EmailCodeMetrics.Lockout.BRUTE_FORCE);
            return true;
        }
        Optional<Refusal> refusal = Recipient.refusal(step.email, step.user.isEmailVerified(), step.config);
        if (refusal.isEmpty() && step.wrongCodeBudget.exhausted()) {
            refusal = Optional.of(Refusal.WRONG_CODE_BUDGET_EXHAUSTED);
        }
        refusal.ifPresent(r -> refuse(step, r));
        return refusal.isPresent();
    }

    /** A page that explains why no code can be had, offering only to start over; the login cannot continue. */
    private static void refuse(Step step, Refusal refusal) {
        if (refusal == Refusal.WRONG_CODE_BUDGET_EXHAUSTED) {
            EmailCodeMetrics.lockout(step.realm.getName(), EmailCodeMetrics.Lockout.WRONG_CODE_BUDGET);
        }
        step.store.clear();
        step.context.getEvent().clone().user(step.user)
                .detail(EmailCodeEvents.DETAIL, refusal.eventDetail)
                .error(refusal.eventError);
        step.context.forceChallenge(refusalPage(step, refusal));
    }

    private static Response refusalPage(Step step, Refusal refusal) {
        if (refusal == Refusal.WRONG_CODE_BUDGET_EXHAUSTED) {
            int hours = (int) Math.ceil(step.wrongCodeBudget.secondsUntilFree(step.nowMillis) / 3600.0);
            return Pages.unavailable(step.context, refusal.messageKey, Integer.toString(Math.max(1, hours)));
        }
        return Pages.unavailable(step.context, refusal.messageKey);
    }

    private void send(Step step, boolean resend) {
        AuthenticationFlowContext context = step.context;
        boolean codeActive = step.store.load().isPresent();
        if (!resend && codeActive) {
            // A second click on the address or a replayed first page: the code already sent stays the one.
            context.challenge(step.codePage(UnaryOperator.identity()));
            return;
        }
        Optional<SlidingWindowLimit.Slot> cooldownSlot = step.cooldown.tryTake(step.nowMillis);
        if (cooldownSlot.isEmpty()) {
            String wait = Integer.toString(step.cooldown.secondsUntilFree(step.nowMillis));
            context.challenge(pageAfterRefusedSend(step, codeActive, f -> f.setError(MessageKeys.RESEND_TOO_SOON, wait)));
            return;
        }
        Optional<SlidingWindowLimit.Slot> quotaSlot = step.sendQuota.tryTake(step.nowMillis);
        if (quotaSlot.isEmpty()) {
            step.cooldown.giveBack(cooldownSlot.get());
            String minutes = Integer.toString((int) Math.ceil(step.sendQuota.secondsUntilFree(step.nowMillis) / 60.0));
            step.sendEvent().detail(EmailCodeEvents.DETAIL, EmailCodeEvents.SEND_QUOTA_EXHAUSTED).error(Errors.SLOW_DOWN);
            context.challenge(pageAfterRefusedSend(step, codeActive, f -> f.setError(MessageKeys.TOO_MANY_CODES_SENT, minutes)));
            return;
        }
        String code = new CodeIssuer(generator, new RealmMacKeys(step.session, step.realm))
                .issue(step.store, step.binding(), step.config.codeLength(), step.config.codeLifetimeSeconds(), step.now);
        try {
            new CodeMailer(step.session).send(step.realm, step.user, step.authSession, code, step.config.codeLifetimeSeconds());
        } catch (EmailException e) {
            // Fail closed: no code exists for this login unless its mail went out; nothing counts against the user.
            step.store.clear();
            step.cooldown.giveBack(cooldownSlot.get());
            step.sendQuota.giveBack(quotaSlot.get());
            LOG.warnf("Could not email a verification code to user %s in realm %s (%s)",
                    step.user.getId(), step.realm.getName(), e.getClass().getSimpleName());
            step.sendEvent().detail(EmailCodeEvents.DETAIL, EmailCodeEvents.SEND_FAILED).error(Errors.EMAIL_SEND_FAILED);
            EmailCodeMetrics.sendFailed(step.realm.getName());
            context.challenge(Pages.sendFailed(context, step.shownAddress));
            return;
        }
        step.sendEvent().detail(EmailCodeEvents.DETAIL, resend ? EmailCodeEvents.CODE_RESENT : EmailCodeEvents.CODE_SENT).success();
        EmailCodeMetrics.codeSent(step.realm.getName(), resend);
        context.challenge(step.codePage(resend ? f -> f.setSuccess(MessageKeys.RESENT, step.shownAddress) : UnaryOperator.identity()));
    }

    /** Back where the user was: the code page if this login has a code, else the address page. */
    private static Response pageAfterRefusedSend(Step step, boolean codeActive, UnaryOperator<LoginFormsProvider> message) {
        return codeActive ? step.codePage(message) : Pages.choose(step.context, step.shownAddress, message);
    }

    private void validate(Step step, String input) {
        AuthenticationFlowContext context = step.context;
        CodeVerifier.Result result = new CodeVerifier(new RealmMacKeys(step.session, step.realm))
                .verify(step.store, step.binding(), input, step.config.codeLength(), step.config.maxAttempts(), step.now,
                        new WrongCodeBudget(step.wrongCodeBudget, step.nowMillis));
        switch (result.verdict()) {
            case ACCEPTED -> {
                if (step.config.markEmailVerified() && !step.user.isEmailVerified()) {
                    // The code proved that the user reads this mailbox.
                    step.user.setEmailVerified(true);
                }
                context.getEvent().detail(EmailCodeEvents.DETAIL, EmailCodeEvents.VALIDATED);
                EmailCodeMetrics.validated(step.realm.getName());
                // Reported as an "otp" credential, like the failures: brute-force detection then clears this user's
                // primary and secondary failure counts, as after Keycloak's own OTP form.
                context.success(OTPCredentialModel.TYPE);
            }
            case EMPTY -> context.challenge(step.codePageWithFieldError(MessageKeys.MISSING));
            case MALFORMED -> context.challenge(step.codePageWithFieldError(MessageKeys.MALFORMED, Integer.toString(step.config.codeLength())));
            case NO_ACTIVE_CODE -> context.challenge(step.codePageWithFieldError(MessageKeys.NO_ACTIVE_CODE));
            case EXPIRED -> {
                context.getEvent().clone().user(step.user)
                        .detail(EmailCodeEvents.DETAIL, EmailCodeEvents.EXPIRED_CODE)
                        .error(Errors.EXPIRED_CODE);
                context.challenge(step.codePageWithFieldError(MessageKeys.EXPIRED));
            }
            case BUDGET_EXHAUSTED -> refuse(step, Refusal.WRONG_CODE_BUDGET_EXHAUSTED);
            case WRONG, WRONG_CODE_VOIDED -> {
                // The pattern of Keycloak's OTP form: an error event plus failureChallenge, which brute-force detection counts.
                context.getEvent().user(step.user)
                        .detail(EmailCodeEvents.DETAIL, EmailCodeEvents.WRONG_CODE)
                        .error(Errors.INVALID_USER_CREDENTIALS);
                EmailCodeMetrics.wrongCode(step.realm.getName());
                Response page;
                if (step.wrongCodeBudget.exhausted()) {
                    step.store.clear();
                    EmailCodeMetrics.lockout(step.realm.getName(), EmailCodeMetrics.Lockout.WRONG_CODE_BUDGET);
                    page = refusalPage(step, Refusal.WRONG_CODE_BUDGET_EXHAUSTED);
                } else if (result.verdict() == Verdict.WRONG) {
                    page = step.codePageWithFieldError(MessageKeys.WRONG, Integer.toString(result.attemptsLeft()));
                } else {
                    page = step.codePageWithFieldError(MessageKeys.WRONG_AND_VOIDED);
                }
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
            }
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

    /** What one request of the step works with. */
    private static final class Step {
        final AuthenticationFlowContext context;
        final KeycloakSession session;
        final RealmModel realm;
        final UserModel user;
        final AuthenticationSessionModel authSession;
        final EmailCodeConfig config;
        final CodeStore store;
        final SlidingWindowLimit cooldown;
        final SlidingWindowLimit sendQuota;
        final SlidingWindowLimit wrongCodeBudget;
        final String email;
        final String shownAddress;
        /** Seconds, for code lifetimes (Keycloak's clock, which its time offset moves). */
        final long now;
        /** Milliseconds, for the limits, whose waits are shown to the user. */
        final long nowMillis;

        Step(AuthenticationFlowContext context) {
            this.context = context;
            this.session = context.getSession();
            this.realm = context.getRealm();
            this.user = context.getUser();
            this.authSession = context.getAuthenticationSession();
            this.config = ConfigReader.read(context.getAuthenticatorConfig());
            this.store = new AuthSessionCodeStore(authSession);
            SingleUseObjectProvider limits = session.singleUseObjects();
            this.cooldown = UserLimits.cooldown(limits, realm.getId(), user.getId(), config);
            this.sendQuota = UserLimits.sendQuota(limits, realm.getId(), user.getId(), config);
            this.wrongCodeBudget = UserLimits.wrongCodeBudget(limits, realm.getId(), user.getId(), config);
            String address = user.getEmail();
            this.email = address == null || address.isBlank() ? null : address.trim();
            this.shownAddress = email == null ? null : Pages.shownAddress(email, config);
            this.nowMillis = Time.currentTimeMillis();
            this.now = nowMillis / 1000;
            keepTheAddressOutOfEventsAndLogs();
        }

        /**
         * People sign in with their email, so the "attempted username" is the full address. Keycloak shows it above
         * every form and copies it into later events (the final LOGIN, RESTART_AUTHENTICATION) and into the user
         * session's login name. Once the user reaches this step it is masked there, and in this request's event.
         */
        private void keepTheAddressOutOfEventsAndLogs() {
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

        String binding() {
            return AuthSessionCodeStore.loginBinding(authSession, user.getId());
        }

        EventBuilder sendEvent() {
            return context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                    .user(user)
                    .detail(Details.EMAIL, EmailMasker.mask(email));
        }

        Response codePage(UnaryOperator<LoginFormsProvider> message) {
            return Pages.code(context, shownAddress, config, cooldown.secondsUntilFree(nowMillis), message);
        }

        Response codePageWithFieldError(String key, Object... params) {
            return codePage(f -> f.addError(new FormMessage(FormFields.CODE, key, params)));
        }
    }
}
