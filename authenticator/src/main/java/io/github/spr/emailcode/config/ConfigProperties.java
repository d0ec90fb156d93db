package io.github.spr.emailcode.config;

import java.util.List;

/**
 * Every setting of the step, in the order the admin console shows them: its key (the one place a key is written),
 * default, texts and accepted values. The factory's console metadata, the runtime parsing and the docs' settings
 * table (checked by a test) all come from here.
 */
public final class ConfigProperties {

    public static final ConfigProperty.IntRange CODE_LENGTH = new ConfigProperty.IntRange(
            "codeLength", "Code length",
            "Number of digits in the emailed code (6 to 10). Each extra digit makes guessing ten times harder.",
            6, 6, 10, List.of(6, 7, 8, 9, 10));

    public static final ConfigProperty.IntRange CODE_LIFETIME_SECONDS = new ConfigProperty.IntRange(
            "codeLifetimeSeconds", "Code lifetime (seconds)",
            "How long an emailed code can be used, in seconds. Keep it below the realm's login timeout.",
            600, 60, 3600, List.of(60, 120, 180, 300, 600, 900, 1200, 1800, 3600));

    public static final ConfigProperty.IntRange RESEND_COOLDOWN_SECONDS = new ConfigProperty.IntRange(
            "resendCooldownSeconds", "Resend cooldown (seconds)",
            "Seconds a user must wait before another code can be emailed to them, across all their logins. "
                    + "Protects the mailbox from floods.",
            30, 0, 3600, List.of(0, 10, 15, 30, 45, 60, 90, 120, 300));

    public static final ConfigProperty.IntRange MAX_ATTEMPTS = new ConfigProperty.IntRange(
            "maxAttempts", "Wrong tries per code",
            "Wrong entries allowed for one code. After that the code is void and the user must request a new one.",
            5, 1, 10, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

    public static final ConfigProperty.Flag MASK_EMAIL = new ConfigProperty.Flag(
            "maskEmail", "Mask email address",
            "Show the address on the login pages as j•••@acme.com instead of in full. "
                    + "Masking keeps the address from anyone who only knows the password.",
            true);

    public static final ConfigProperty.IntRange SEND_QUOTA = new ConfigProperty.IntRange(
            "sendQuota", "Codes per user per window",
            "How many codes one user can be sent within the quota window, across all of their logins. "
                    + "Further requests are refused until the oldest send leaves the window.",
            5, 1, 20, List.of(1, 2, 3, 5, 10, 20));

    public static final ConfigProperty.IntRange SEND_QUOTA_WINDOW_SECONDS = new ConfigProperty.IntRange(
            "sendQuotaWindowSeconds", "Quota window (seconds)",
            "The window the send quota counts in, in seconds.",
            3600, 300, 86400, List.of(600, 1800, 3600, 7200, 21600, 43200, 86400));

    public static final ConfigProperty.IntRange MAX_WRONG_CODES_PER_DAY = new ConfigProperty.IntRange(
            "maxWrongCodesPerDay", "Wrong codes per user per day",
            "How many wrong codes one user may enter in any 24 hours, across all logins, tabs and cluster nodes. "
                    + "After that the email step refuses to continue for that user until the oldest wrong entry is 24 hours old. "
                    + "With 6 digits, 20 bounds a password thief's chance of getting in to 0.002% a day.",
            20, 1, 50, List.of(5, 10, 20, 30, 50));

    public static final ConfigProperty.Flag ALLOW_UNVERIFIED_EMAIL = new ConfigProperty.Flag(
            "allowUnverifiedEmail", "Allow unverified addresses",
            "Send codes to addresses that are not marked verified. When off, such users are told to contact "
                    + "their administrator and cannot finish signing in.",
            true);

    public static final ConfigProperty.Flag MARK_EMAIL_VERIFIED = new ConfigProperty.Flag(
            "markEmailVerified", "Mark address verified",
            "A correct code proves the user reads that mailbox: mark the address verified.",
            true);

    public static final ConfigProperty.DomainList ALLOWED_DOMAINS = new ConfigProperty.DomainList(
            "allowedDomains", "Corporate domains",
            "Only send codes to addresses in these domains (exact match, e.g. acme.com). Empty: any domain. "
                    + "An entry that is not a domain name matches nothing.");

    public static final List<ConfigProperty> ALL = List.of(
            CODE_LENGTH, CODE_LIFETIME_SECONDS, RESEND_COOLDOWN_SECONDS, MAX_ATTEMPTS, MASK_EMAIL,
            SEND_QUOTA, SEND_QUOTA_WINDOW_SECONDS, MAX_WRONG_CODES_PER_DAY,
            ALLOW_UNVERIFIED_EMAIL, MARK_EMAIL_VERIFIED, ALLOWED_DOMAINS);

    private ConfigProperties() {
    }
}
