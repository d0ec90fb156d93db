package io.github.spr.emailcode.steps;

import org.keycloak.events.Errors;

/** Why the step will not send this user a code; each has its own page text, event error and detail. */
enum Refusal {
    NO_EMAIL(MessageKeys.NO_EMAIL, Errors.INVALID_EMAIL, EmailCodeEvents.NO_EMAIL),
    UNVERIFIED_EMAIL(MessageKeys.UNVERIFIED_EMAIL, Errors.NOT_ALLOWED, EmailCodeEvents.UNVERIFIED_EMAIL),
    DOMAIN_NOT_ALLOWED(MessageKeys.DOMAIN_NOT_ALLOWED, Errors.NOT_ALLOWED, EmailCodeEvents.DOMAIN_NOT_ALLOWED),
    WRONG_CODE_BUDGET_EXHAUSTED(MessageKeys.TOO_MANY_WRONG_CODES, Errors.SLOW_DOWN, EmailCodeEvents.BUDGET_EXHAUSTED);

    final String messageKey;
    final String eventError;
    final String eventDetail;

    Refusal(String messageKey, String eventError, String eventDetail) {
        this.messageKey = messageKey;
        this.eventError = eventError;
        this.eventDetail = eventDetail;
    }
}
