package io.github.spr.emailcode.outcome;

import static io.github.spr.emailcode.outcome.Answer.CHALLENGE;
import static io.github.spr.emailcode.outcome.Answer.FAILURE;
import static io.github.spr.emailcode.outcome.Answer.STOP;
import static io.github.spr.emailcode.outcome.Answer.SUCCESS;

import io.github.spr.emailcode.page.Page;
import io.github.spr.emailcode.page.PageMessage;
import io.github.spr.emailcode.text.MessageKeys;
import java.util.List;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;

/**
 * Everything the email step can answer, each declared once: the events it writes, the counters it counts, how the
 * flow goes on, and the page and message the user sees. {@link OutcomeReport#report} does all of it in one call.
 * Events and counters count what happened once per occurrence; an outcome that stops a login ({@link #stop}) is
 * reported once per login, however often the page is reloaded.
 */
public enum Outcome {

    /** First visit or reload before any code: "Verify your identity". */
    ADDRESS_SHOWN(List.of(), List.of(), CHALLENGE, Page.CHOOSE, null),
    /** Reload, or a repeated click, once a code was sent. */
    CODE_PAGE_SHOWN(List.of(), List.of(), CHALLENGE, Page.CODE, null),

    CODE_SENT(List.of(EventSpec.success(EventType.SEND_VERIFY_EMAIL, "code_sent")), List.of(Metric.CODES_SENT_FIRST),
            CHALLENGE, Page.CODE, null),
    /** Params: the shown address. */
    CODE_RESENT(List.of(EventSpec.success(EventType.SEND_VERIFY_EMAIL, "code_resent")), List.of(Metric.CODES_SENT_RESEND),
            CHALLENGE, Page.CODE, PageMessage.success(MessageKeys.RESENT)),
    /** On the page the user came from. Params: seconds to wait. */
    RESEND_TOO_SOON(List.of(), List.of(), CHALLENGE, null, PageMessage.error(MessageKeys.RESEND_TOO_SOON)),
    /** On the page the user came from. Params: minutes to wait. */
    SEND_QUOTA_USED_UP(List.of(EventSpec.error(EventType.SEND_VERIFY_EMAIL, Errors.SLOW_DOWN, "send_quota_exhausted")), List.of(),
            CHALLENGE, null, PageMessage.error(MessageKeys.TOO_MANY_CODES_SENT)),
    /**
     * The code's mail could not be sent, found out in the background after the page came back: the event and counter
     * were written then ({@link #SEND_FAILED}); the login's next page offers to try again.
     */
    MAIL_NOT_SENT(List.of(), List.of(), CHALLENGE, Page.SEND_FAILED, PageMessage.error(MessageKeys.SEND_FAILED)),
    /** Fail closed: no code exists unless its mail went out, and nothing counts against the user. */
    SEND_FAILED(List.of(EventSpec.error(EventType.SEND_VERIFY_EMAIL, Errors.EMAIL_SEND_FAILED, "send_failed")), List.of(Metric.SEND_FAILURES),
            CHALLENGE, Page.SEND_FAILED, PageMessage.error(MessageKeys.SEND_FAILED)),

    /**
     * Another request of the same user is being handled right now: Keycloak's brute-force protection then answers
     * "locked" to every other request of the user, to take one attempt at a time. Nothing is compared or sent, and
     * the login keeps its code: a double click must not cost the code. On the page the user came from.
     */
    BUSY(List.of(), List.of(), CHALLENGE, null, PageMessage.error(MessageKeys.BUSY)),

    CODE_MISSING(List.of(), List.of(), CHALLENGE, Page.CODE, PageMessage.codeFieldError(MessageKeys.MISSING)),
    /** Params: the code length. */
    CODE_MALFORMED(List.of(), List.of(), CHALLENGE, Page.CODE, PageMessage.codeFieldError(MessageKeys.MALFORMED)),
    NO_ACTIVE_CODE(List.of(), List.of(), CHALLENGE, Page.CODE, PageMessage.codeFieldError(MessageKeys.NO_ACTIVE_CODE)),
    CODE_EXPIRED(List.of(EventSpec.loginError(Errors.EXPIRED_CODE, "expired_code")), List.of(),
            CHALLENGE, Page.CODE, PageMessage.codeFieldError(MessageKeys.EXPIRED)),
    /** Params: tries left for this code. */
    WRONG_CODE(List.of(EventSpec.countedLoginError(Errors.INVALID_USER_CREDENTIALS, "wrong_code")), List.of(Metric.WRONG_CODES),
            FAILURE, Page.CODE, PageMessage.codeFieldError(MessageKeys.WRONG)),
    WRONG_CODE_VOIDED(List.of(EventSpec.countedLoginError(Errors.INVALID_USER_CREDENTIALS, "wrong_code")), List.of(Metric.WRONG_CODES),
            FAILURE, Page.CODE, PageMessage.codeFieldError(MessageKeys.WRONG_AND_VOIDED)),
    /** A wrong code that took the last of the user's daily budget: counted as a wrong code, and it stops the login. Params: hours. */
    WRONG_CODE_USED_UP_BUDGET(List.of(EventSpec.countedLoginError(Errors.INVALID_USER_CREDENTIALS, "wrong_code"),
            EventSpec.loginError(Errors.SLOW_DOWN, "wrong_code_budget_exhausted")),
            List.of(Metric.WRONG_CODES, Metric.LOCKOUTS_WRONG_CODE_BUDGET),
            FAILURE, Page.UNAVAILABLE, PageMessage.error(MessageKeys.TOO_MANY_WRONG_CODES)),
    VALIDATED(List.of(EventSpec.onTheLoginEvent("validated")), List.of(Metric.VALIDATIONS), SUCCESS, null, null),

    /** The realm's brute-force lockout: nothing is compared or sent, even a right code, as in Keycloak's OTP form. */
    LOCKED_OUT_TEMPORARILY(List.of(EventSpec.countedLoginError(Errors.USER_TEMPORARILY_DISABLED, "locked_out")),
            List.of(Metric.LOCKOUTS_BRUTE_FORCE), STOP, Page.CODE, PageMessage.codeFieldError(MessageKeys.LOCKED_TEMPORARILY)),
    LOCKED_OUT_PERMANENTLY(List.of(EventSpec.countedLoginError(Errors.USER_DISABLED, "locked_out")),
            List.of(Metric.LOCKOUTS_BRUTE_FORCE), STOP, Page.CODE, PageMessage.codeFieldError(MessageKeys.LOCKED_PERMANENTLY)),
    /** Params: hours until the oldest wrong code leaves the 24-hour window. */
    WRONG_CODE_BUDGET_USED_UP(List.of(EventSpec.loginError(Errors.SLOW_DOWN, "wrong_code_budget_exhausted")),
            List.of(Metric.LOCKOUTS_WRONG_CODE_BUDGET), STOP, Page.UNAVAILABLE, PageMessage.error(MessageKeys.TOO_MANY_WRONG_CODES)),
    NO_EMAIL(List.of(EventSpec.loginError(Errors.INVALID_EMAIL, "no_email")), List.of(),
            STOP, Page.UNAVAILABLE, PageMessage.error(MessageKeys.NO_EMAIL)),
    UNVERIFIED_EMAIL(List.of(EventSpec.loginError(Errors.NOT_ALLOWED, "unverified_email")), List.of(),
            STOP, Page.UNAVAILABLE, PageMessage.error(MessageKeys.UNVERIFIED_EMAIL)),
    DOMAIN_NOT_ALLOWED(List.of(EventSpec.loginError(Errors.NOT_ALLOWED, "domain_not_allowed")), List.of(),
            STOP, Page.UNAVAILABLE, PageMessage.error(MessageKeys.DOMAIN_NOT_ALLOWED));

    final List<EventSpec> events;
    final List<Metric> metrics;
    final Answer answer;
    /** Null: the page the user came from (the code page when the login has a code, else the address page). */
    final Page page;
    final PageMessage message;

    Outcome(List<EventSpec> events, List<Metric> metrics, Answer answer, Page page, PageMessage message) {
        this.events = events;
        this.metrics = metrics;
        this.answer = answer;
        this.page = page;
        this.message = message;
    }

    /** Whether it ends the login at this step: nothing but starting over is offered. */
    public boolean stops() {
        return answer == STOP || this == WRONG_CODE_USED_UP_BUDGET;
    }

    /** The event details the step writes, for docs and tests: each outcome's {@code email_code} values. */
    public List<String> eventDetails() {
        return events.stream().map(EventSpec::detail).toList();
    }
}
