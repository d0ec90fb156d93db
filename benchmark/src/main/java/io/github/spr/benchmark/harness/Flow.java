package io.github.spr.benchmark.harness;

/** The three sign-ins compared, each reached through its own client of the same realm on the same server. */
public enum Flow {
    /** A copy of Keycloak's stock browser flow without its 2FA sub-flow, bound to a benchmark client. */
    PASSWORD("password", "password only", "bench-password"),
    /** Keycloak's stock browser flow (conditional OTP form), bound to a benchmark client; users have TOTP. */
    OTP("otp", "password + OTP form", "bench-otp"),
    /** The shipped realm as is: the portal client and its portal-browser flow with the email-code step. */
    EMAIL("email", "password + email code", "portal");

    public final String key;
    public final String title;
    public final String clientId;

    Flow(String key, String title, String clientId) {
        this.key = key;
        this.title = title;
        this.clientId = clientId;
    }
}
