package io.github.spr.emailcode.config;

import java.util.List;

/** The definitions of all config properties, in the order the admin console shows them. */
public final class ConfigProperties {

    public static final ConfigProperty.IntRange CODE_LENGTH = new ConfigProperty.IntRange(
            ConfigKeys.CODE_LENGTH, "Code length",
            "Number of digits in the emailed code (6 to 10). Each extra digit makes guessing ten times harder.",
            6, 6, 10, List.of(6, 7, 8, 9, 10));

    public static final ConfigProperty.IntRange CODE_LIFETIME_SECONDS = new ConfigProperty.IntRange(
            ConfigKeys.CODE_LIFETIME_SECONDS, "Code lifetime (seconds)",
            "How long an emailed code can be used, in seconds. Keep it below the realm's login timeout.",
            600, 5, 3600, List.of(60, 120, 180, 300, 600, 900, 1200, 1800, 3600));

    public static final ConfigProperty.IntRange RESEND_COOLDOWN_SECONDS = new ConfigProperty.IntRange(
            ConfigKeys.RESEND_COOLDOWN_SECONDS, "Resend cooldown (seconds)",
            "Seconds a user must wait before another code can be emailed to them, across all their logins. "
                    + "Protects the mailbox from floods.",
            30, 0, 3600, List.of(0, 10, 15, 30, 45, 60, 90, 120, 300));

    public static final ConfigProperty.IntRange MAX_ATTEMPTS = new ConfigProperty.IntRange(
            ConfigKeys.MAX_ATTEMPTS, "Wrong tries per code",
            "Wrong entries allowed for one code. After that the code is void and the user must request a new one.",
            5, 1, 10, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

    public static final ConfigProperty.Flag MASK_EMAIL = new ConfigProperty.Flag(
            ConfigKeys.MASK_EMAIL, "Mask email address",
            "Show the address on the login pages as j•••@acme.com instead of in full. "
                    + "Masking keeps the address from anyone who only knows the password.",
            true);

    public static final List<ConfigProperty> ALL = List.of(
            CODE_LENGTH, CODE_LIFETIME_SECONDS, RESEND_COOLDOWN_SECONDS, MAX_ATTEMPTS, MASK_EMAIL);

    private ConfigProperties() {
    }
}
