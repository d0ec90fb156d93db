package io.github.spr.emailcode.step;

import io.github.spr.emailcode.code.AuthSessionCodeStore;
import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.code.CodeUsage;
import io.github.spr.emailcode.code.LoginCode;
import io.github.spr.emailcode.code.RealmMacKeys;
import io.github.spr.emailcode.config.ConfigReader;
import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.limits.UserLimits;
import io.github.spr.emailcode.outcome.OutcomeReport;
import io.github.spr.emailcode.page.Pages;
import io.github.spr.emailcode.text.EmailMasker;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** What one request of the step works with. Building it reads state but changes nothing. */
final class StepRequest {

    final AuthenticationFlowContext context;
    final UserModel user;
    final EmailCodeConfig config;
    /** The account's address, trimmed; null when it has none. */
    final String email;
    /** The address as the pages show it: masked when {@code maskEmail} is on. */
    final String shownAddress;
    /** The address as events and logs may carry it. */
    final String maskedAddress;
    final UserLimits limits;
    final LoginCode code;
    final OutcomeReport report;
    /** Keycloak's clock in seconds: code lifetimes. */
    final long now;
    /** Keycloak's clock in milliseconds: the limits, whose waits are shown to the user. */
    final long nowMillis;

    private StepRequest(AuthenticationFlowContext context, CodeGenerator generator) {
        this.context = context;
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        this.user = context.getUser();
        this.config = ConfigReader.read(context.getAuthenticatorConfig());
        String address = user.getEmail();
        this.email = address == null || address.isBlank() ? null : address.trim();
        this.maskedAddress = EmailMasker.mask(email);
        this.shownAddress = email == null ? null : config.maskEmail() ? maskedAddress : email;
        this.nowMillis = Time.currentTimeMillis();
        this.now = nowMillis / 1000;
        this.limits = UserLimits.of(session.singleUseObjects(), realm.getId(), user.getId(), config);
        this.code = new LoginCode(new AuthSessionCodeStore(authSession), new CodeUsage(session.singleUseObjects()),
                new RealmMacKeys(session, realm), generator, AuthSessionCodeStore.loginBinding(authSession, user.getId()),
                new LoginCode.Rules(config.codeLength(), config.codeLifetimeSeconds(), config.maxAttempts()),
                limits.wrongCodeBudget());
        Pages pages = new Pages(context, shownAddress, config.codeLifetimeSeconds(),
                this::secondsUntilResend);
        this.report = new OutcomeReport(context, maskedAddress, pages, code::isActive);
    }

    static StepRequest of(AuthenticationFlowContext context, CodeGenerator generator) {
        return new StepRequest(context, generator);
    }

    /** Mails this login's codes in the background, in the language of this request's page. */
    CodeSending.Mail delivery() {
        return new CodeDelivery(context.getSession(), context.getRealm(), user,
                context.getAuthenticationSession().getClient().getClientId(), maskedAddress, config.codeLifetimeSeconds());
    }

    /**
     * For the code page's Resend button: counted from this login's own code, which needs no store read on every page;
     * a second too long rather than too short, since the code's time is kept in whole seconds. A login without a code
     * asks the limits.
     */
    private int secondsUntilResend() {
        int cooldown = config.resendCooldownSeconds();
        return code.secondsSinceIssued(now)
                .stream().mapToInt(since -> (int) Math.max(0, Math.min(cooldown, cooldown - since + 1)))
                .findFirst().orElseGet(() -> limits.secondsUntilNextSend(nowMillis));
    }

    /** Hours the used-up budget can keep the user out: the whole window, since no time per wrong code is kept. */
    String hoursUntilBudgetFrees() {
        int hours = (int) Math.ceil(limits.wrongCodeBudget().secondsUntilFree(nowMillis) / 3600.0);
        return Integer.toString(Math.max(1, hours));
    }
}
