package io.github.spr.emailcode.steps;

/** The event detail that says what the email-code step did; its values are what admins filter login events by. */
public final class EmailCodeEvents {
    public static final String DETAIL = "email_code";

    public static final String CODE_SENT = "code_sent";
    public static final String CODE_RESENT = "code_resent";
    public static final String SEND_FAILED = "send_failed";
    public static final String WRONG_CODE = "wrong_code";
    public static final String EXPIRED_CODE = "expired_code";
    public static final String VALIDATED = "validated";
    public static final String NO_EMAIL = "no_email";
    public static final String UNVERIFIED_EMAIL = "unverified_email";
    public static final String DOMAIN_NOT_ALLOWED = "domain_not_allowed";
    public static final String BUDGET_EXHAUSTED = "wrong_code_budget_exhausted";
    public static final String SEND_QUOTA_EXHAUSTED = "send_quota_exhausted";
    public static final String LOCKED_OUT = "locked_out";

    private EmailCodeEvents() {
    }
}
