package io.github.spr.emailcode.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The typed settings of one email-code step. Built from the admin console's string map; a missing, blank or
 * unusable value (nothing checks a config when it is saved: see {@link ConfigProperty.IntRange}) falls back to its
 * default, so a login never fails because of configuration.
 */
public record EmailCodeConfig(int codeLength, int codeLifetimeSeconds, int resendCooldownSeconds,
                              int maxAttempts, boolean maskEmail,
                              int sendQuota, int sendQuotaWindowSeconds, int maxWrongCodesPerDay,
                              boolean allowUnverifiedEmail, boolean markEmailVerified, AllowedDomains allowedDomains) {

    public static final EmailCodeConfig DEFAULTS = from(Map.of());

    public static EmailCodeConfig from(Map<String, String> raw) {
        Map<String, String> values = raw == null ? Map.of() : raw;
        return new EmailCodeConfig(
                intOf(values, ConfigProperties.CODE_LENGTH),
                intOf(values, ConfigProperties.CODE_LIFETIME_SECONDS),
                intOf(values, ConfigProperties.RESEND_COOLDOWN_SECONDS),
                intOf(values, ConfigProperties.MAX_ATTEMPTS),
                flagOf(values, ConfigProperties.MASK_EMAIL),
                intOf(values, ConfigProperties.SEND_QUOTA),
                intOf(values, ConfigProperties.SEND_QUOTA_WINDOW_SECONDS),
                intOf(values, ConfigProperties.MAX_WRONG_CODES_PER_DAY),
                flagOf(values, ConfigProperties.ALLOW_UNVERIFIED_EMAIL),
                flagOf(values, ConfigProperties.MARK_EMAIL_VERIFIED),
                domainsOf(values, ConfigProperties.ALLOWED_DOMAINS));
    }

    /** What is unusable in a stored config (each then means its default), in English for the server log; empty when all is usable. */
    public static List<String> problemsIn(Map<String, String> raw) {
        List<String> problems = new ArrayList<>();
        if (raw == null) {
            return problems;
        }
        for (ConfigProperty property : ConfigProperties.ALL) {
            String value = raw.get(property.key());
            if (value != null && !value.isBlank()) {
                property.problemWith(value).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static int intOf(Map<String, String> values, ConfigProperty.IntRange property) {
        String value = values.get(property.key());
        if (value == null || value.isBlank() || property.problemWith(value).isPresent()) {
            return property.defaultInt();
        }
        return property.parse(value);
    }

    /** Unlike the others, an unusable entry does not mean "default" (any domain): it matches nothing. */
    private static AllowedDomains domainsOf(Map<String, String> values, ConfigProperty.DomainList property) {
        String value = values.get(property.key());
        return value == null || value.isBlank() ? AllowedDomains.ANY : property.parse(value);
    }

    private static boolean flagOf(Map<String, String> values, ConfigProperty.Flag property) {
        String value = values.get(property.key());
        if (value == null || value.isBlank() || property.problemWith(value).isPresent()) {
            return property.defaultFlag();
        }
        return property.parse(value);
    }
}
