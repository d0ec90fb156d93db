package io.github.spr.emailcode.config;

/** Every authenticator config property name, in one place (they are the admin console's keys). */
public final class ConfigKeys {
    public static final String CODE_LENGTH = "codeLength";
    public static final String CODE_LIFETIME_SECONDS = "codeLifetimeSeconds";
    public static final String RESEND_COOLDOWN_SECONDS = "resendCooldownSeconds";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String MASK_EMAIL = "maskEmail";
    public static final String SEND_QUOTA = "sendQuota";
    public static final String SEND_QUOTA_WINDOW_SECONDS = "sendQuotaWindowSeconds";
    public static final String MAX_WRONG_CODES_PER_DAY = "maxWrongCodesPerDay";
    public static final String ALLOW_UNVERIFIED_EMAIL = "allowUnverifiedEmail";
    public static final String MARK_EMAIL_VERIFIED = "markEmailVerified";
    public static final String ALLOWED_DOMAINS = "allowedDomains";

    private ConfigKeys() {
    }
}
