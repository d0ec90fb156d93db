package io.github.spr.emailcode.outcome;

import org.keycloak.events.EventType;

/**
 * The login event an outcome writes, with an {@code email_code} detail that names it.
 *
 * @param type    the event's type; null for the login's own event (LOGIN, or LOGIN_ERROR with an error)
 * @param error   null for a success
 * @param counted written on the login's own event builder, as Keycloak's OTP form writes a wrong code: the failure
 *                then goes with the challenge that brute-force detection counts
 */
record EventSpec(EventType type, String error, String detail, boolean counted) {

    static EventSpec success(EventType type, String detail) {
        return new EventSpec(type, null, detail, false);
    }

    static EventSpec error(EventType type, String error, String detail) {
        return new EventSpec(type, error, detail, false);
    }

    static EventSpec loginError(String error, String detail) {
        return new EventSpec(null, error, detail, false);
    }

    static EventSpec countedLoginError(String error, String detail) {
        return new EventSpec(null, error, detail, true);
    }

    /** A detail on the login's LOGIN event, which Keycloak writes when the whole flow succeeds. */
    static EventSpec onTheLoginEvent(String detail) {
        return new EventSpec(null, null, detail, true);
    }
}
