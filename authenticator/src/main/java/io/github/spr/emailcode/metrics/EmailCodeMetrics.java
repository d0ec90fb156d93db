package io.github.spr.emailcode.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * Counters on Keycloak's metrics endpoint ({@code /metrics} on the management port when {@code metrics-enabled}),
 * tagged by realm. With metrics off, Keycloak's global registry has no backing registry and these cost nothing.
 * Tags stay few and bounded: a realm name and a fixed reason, never a user or an address.
 */
public final class EmailCodeMetrics {

    private EmailCodeMetrics() {
    }

    public enum Lockout {
        BRUTE_FORCE("brute_force"), WRONG_CODE_BUDGET("wrong_code_budget");

        private final String tag;

        Lockout(String tag) {
            this.tag = tag;
        }
    }

    public static void codeSent(String realm, boolean resend) {
        count("spr.email_code.codes_sent", "Verification codes emailed", realm, "kind", resend ? "resend" : "first");
    }

    public static void sendFailed(String realm) {
        count("spr.email_code.send_failures", "Verification codes that could not be emailed", realm, null, null);
    }

    public static void wrongCode(String realm) {
        count("spr.email_code.wrong_codes", "Wrong verification codes entered", realm, null, null);
    }

    public static void lockout(String realm, Lockout reason) {
        count("spr.email_code.lockouts", "Logins stopped at the email step by a lockout or a used-up wrong-code budget",
                realm, "reason", reason.tag);
    }

    public static void validated(String realm) {
        count("spr.email_code.validations", "Verification codes entered correctly", realm, null, null);
    }

    private static void count(String name, String description, String realm, String tag, String value) {
        Counter.Builder builder = Counter.builder(name).description(description).tag("realm", realm);
        if (tag != null) {
            builder.tag(tag, value);
        }
        builder.register(Metrics.globalRegistry).increment();
    }
}
