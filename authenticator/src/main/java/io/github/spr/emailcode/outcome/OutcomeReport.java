package io.github.spr.emailcode.outcome;

import io.github.spr.emailcode.page.Page;
import io.github.spr.emailcode.page.PageMessage;
import io.github.spr.emailcode.page.Pages;
import java.util.function.BooleanSupplier;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Reports the outcomes of one request of the step: events, counters, the page, and how the flow goes on. */
public final class OutcomeReport {

    /** The event detail that names what the step did; admins filter login events by its values. */
    public static final String EVENT_DETAIL = "email_code";
    /** Which stop this login has already reported (see {@link Outcome#stops()}). */
    static final String STOP_NOTE = "email-code.stop-reported";

    private final AuthenticationFlowContext context;
    private final String maskedAddress;
    private final Pages pages;
    private final BooleanSupplier codeActive;

    /**
     * @param maskedAddress the user's address as events may carry it
     * @param codeActive    whether the login has a code: the page the user came from is then the code page
     */
    public OutcomeReport(AuthenticationFlowContext context, String maskedAddress, Pages pages, BooleanSupplier codeActive) {
        this.context = context;
        this.maskedAddress = maskedAddress;
        this.pages = pages;
        this.codeActive = codeActive;
    }

    /** @param params the message's parameters, as the outcome's javadoc lists them */
    public void report(Outcome outcome, Object... params) {
        if (!alreadyReportedStop(outcome)) {
            writeEvents(outcome);
            String realm = context.getRealm().getName();
            outcome.metrics.forEach(metric -> metric.count(realm));
        }
        answer(outcome, params);
    }

    /**
     * Writes the events and counts the counters of {@code outcome} where no request of the login is at hand (the mail
     * that failed in the background): each event is a copy of {@code event}, which names the realm, user and client.
     */
    public static void recordElsewhere(Outcome outcome, EventBuilder event, String realmName, String maskedAddress) {
        outcome.events.forEach(spec -> write(event.clone(), spec, maskedAddress));
        outcome.metrics.forEach(metric -> metric.count(realmName));
    }

    /** A lifted brute-force lockout may stop this login again later, and that is a new stop to report. */
    public void lockoutLifted() {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (stopKey(Outcome.LOCKED_OUT_TEMPORARILY).equals(authSession.getAuthNote(STOP_NOTE))) {
            authSession.removeAuthNote(STOP_NOTE);
        }
    }

    private boolean alreadyReportedStop(Outcome outcome) {
        if (!outcome.stops()) {
            return false;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (stopKey(outcome).equals(authSession.getAuthNote(STOP_NOTE))) {
            return true;
        }
        authSession.setAuthNote(STOP_NOTE, stopKey(outcome));
        return false;
    }

    /** Stops that are the same for the user share a key: a reload of the page does not stop the login again. */
    private static String stopKey(Outcome outcome) {
        return switch (outcome) {
            case LOCKED_OUT_TEMPORARILY, LOCKED_OUT_PERMANENTLY -> "brute_force";
            case WRONG_CODE_USED_UP_BUDGET, WRONG_CODE_BUDGET_USED_UP -> "wrong_code_budget";
            default -> outcome.name();
        };
    }

    private void writeEvents(Outcome outcome) {
        // Copies of the login's event builder first: the counted event is then sent from a builder nothing else used.
        outcome.events.stream().filter(e -> !e.counted()).forEach(e -> write(context.getEvent().clone().user(context.getUser()), e, maskedAddress));
        outcome.events.stream().filter(EventSpec::counted).forEach(e -> write(context.getEvent().user(context.getUser()), e, maskedAddress));
    }

    private static void write(EventBuilder event, EventSpec spec, String maskedAddress) {
        event.detail(EVENT_DETAIL, spec.detail());
        if (spec.type() != null) {
            event.event(spec.type());
            if (spec.type() == EventType.SEND_VERIFY_EMAIL) {
                event.detail(Details.EMAIL, maskedAddress);
            }
        }
        if (spec.error() != null) {
            event.error(spec.error());
        } else if (spec.type() != null) {
            event.success();
        }
        // Otherwise the detail goes with the LOGIN event that Keycloak writes when the whole flow succeeds.
    }

    private void answer(Outcome outcome, Object... params) {
        if (outcome.answer == Answer.SUCCESS) {
            // An "otp" credential, like the failures: brute-force detection then clears this user's primary and
            // secondary failure counts, as after Keycloak's own OTP form.
            context.success(OTPCredentialModel.TYPE);
            return;
        }
        Page page = outcome.page != null ? outcome.page : codeActive.getAsBoolean() ? Page.CODE : Page.CHOOSE;
        PageMessage message = outcome.message == null || params.length == 0 ? outcome.message : outcome.message.with(params);
        switch (outcome.answer) {
            case FAILURE -> context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, pages.render(page, message));
            case STOP -> context.forceChallenge(pages.render(page, message));
            default -> context.challenge(pages.render(page, message));
        }
    }
}
