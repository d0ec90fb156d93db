package io.github.spr.emailcode.outcome;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * The step's counters on Keycloak's metrics endpoint ({@code /metrics} on the management port when
 * {@code metrics-enabled}), tagged by realm. With metrics off, Keycloak's global registry has no backing registry
 * and these cost nothing. Tags stay few and bounded: a realm name and a fixed reason, never a user or an address.
 */
public enum Metric {
    CODES_SENT_FIRST("spr.email_code.codes_sent", "Verification codes emailed", "kind", "first"),
    CODES_SENT_RESEND("spr.email_code.codes_sent", "Verification codes emailed", "kind", "resend"),
    SEND_FAILURES("spr.email_code.send_failures", "Verification codes that could not be emailed", null, null),
    WRONG_CODES("spr.email_code.wrong_codes", "Wrong verification codes entered", null, null),
    LOCKOUTS_BRUTE_FORCE("spr.email_code.lockouts", Metric.LOCKOUTS, "reason", "brute_force"),
    LOCKOUTS_WRONG_CODE_BUDGET("spr.email_code.lockouts", Metric.LOCKOUTS, "reason", "wrong_code_budget"),
    VALIDATIONS("spr.email_code.validations", "Verification codes entered correctly", null, null);

    private static final String LOCKOUTS = "Logins stopped at the email step by a lockout or a used-up wrong-code budget";

    private final String name;
    private final String description;
    private final String tag;
    private final String value;

    Metric(String name, String description, String tag, String value) {
        this.name = name;
        this.description = description;
        this.tag = tag;
        this.value = value;
    }

    void count(String realm) {
        Counter.Builder builder = Counter.builder(name).description(description).tag("realm", realm);
        if (tag != null) {
            builder.tag(tag, value);
        }
        builder.register(Metrics.globalRegistry).increment();
    }
}
