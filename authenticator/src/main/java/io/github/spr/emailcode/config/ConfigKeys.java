package io.github.spr.emailcode.config;

/** Every authenticator config property name, in one place (they are the admin console's keys). */
public final class ConfigKeys {
    public static final String CODE_LENGTH = "codeLength";
    public static final String CODE_LIFETIME_SECONDS = "codeLifetimeSeconds";
    public static final String RESEND_COOLDOWN_SECONDS = "resendCooldownSeconds";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String MASK_EMAIL = "maskEmail";

    private ConfigKeys() {
    }
}
