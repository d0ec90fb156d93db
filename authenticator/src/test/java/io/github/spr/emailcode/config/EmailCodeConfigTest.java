package io.github.spr.emailcode.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EmailCodeConfigTest {

    @Test
    void noConfigMeansTheDocumentedDefaults() {
        EmailCodeConfig config = EmailCodeConfig.from(null);
        assertEquals(6, config.codeLength());
        assertEquals(600, config.codeLifetimeSeconds());
        assertEquals(30, config.resendCooldownSeconds());
        assertEquals(5, config.maxAttempts());
        assertTrue(config.maskEmail());
        assertEquals(5, config.sendQuota());
        assertEquals(3600, config.sendQuotaWindowSeconds());
        assertEquals(20, config.maxWrongCodesPerDay());
        assertTrue(config.allowUnverifiedEmail());
        assertTrue(config.markEmailVerified());
        assertEquals(AllowedDomains.ANY, config.allowedDomains());
        assertEquals(config, EmailCodeConfig.DEFAULTS);
    }

    @Test
    void aPartialConfigKeepsDefaultsForWhatIsMissing() {
        EmailCodeConfig config = EmailCodeConfig.from(Map.of(ConfigProperties.CODE_LENGTH.key(), "8", ConfigProperties.MASK_EMAIL.key(), "false"));
        assertEquals(8, config.codeLength());
        assertEquals(false, config.maskEmail());
        assertEquals(EmailCodeConfig.DEFAULTS.codeLifetimeSeconds(), config.codeLifetimeSeconds());
        assertEquals(EmailCodeConfig.DEFAULTS.maxWrongCodesPerDay(), config.maxWrongCodesPerDay());
        assertEquals(AllowedDomains.ANY, config.allowedDomains());
    }

    @Test
    void blankValuesMeanDefaults() {
        Map<String, String> raw = new HashMap<>();
        raw.put(ConfigProperties.MAX_ATTEMPTS.key(), "  ");
        raw.put(ConfigProperties.CODE_LIFETIME_SECONDS.key(), "");
        raw.put(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), null);
        assertEquals(EmailCodeConfig.DEFAULTS, EmailCodeConfig.from(raw));
        assertTrue(EmailCodeConfig.problemsIn(raw).isEmpty());
    }

    @Test
    void valuesAreReadWithSurroundingSpaces() {
        assertEquals(120, EmailCodeConfig.from(Map.of(ConfigProperties.CODE_LIFETIME_SECONDS.key(), " 120 ")).codeLifetimeSeconds());
    }

    @Test
    void aStoredValueThatWouldBeRefusedOnSaveFallsBackToItsDefaultAtLogin() {
        // Realm imports bypass the admin console's validation; the login must still work.
        EmailCodeConfig config = EmailCodeConfig.from(Map.of(
                ConfigProperties.CODE_LENGTH.key(), "99", ConfigProperties.MAX_ATTEMPTS.key(), "lots", ConfigProperties.MASK_EMAIL.key(), "yes"));
        assertEquals(EmailCodeConfig.DEFAULTS, config);
    }

    @Test
    void aCompleteValidConfigHasNoProblems() {
        assertEquals(List.of(), EmailCodeConfig.problemsIn(Map.of(
                ConfigProperties.CODE_LENGTH.key(), "10", ConfigProperties.CODE_LIFETIME_SECONDS.key(), "60", ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0",
                ConfigProperties.MAX_ATTEMPTS.key(), "1", ConfigProperties.MASK_EMAIL.key(), "FALSE")));
    }

    @ParameterizedTest
    @CsvSource({
            "codeLength, 5", "codeLength, 11", "codeLength, six", "codeLength, -6", "codeLength, 6.0",
            "codeLifetimeSeconds, 59", "codeLifetimeSeconds, 3601", "codeLifetimeSeconds, 99999999999",
            "resendCooldownSeconds, -1", "resendCooldownSeconds, 3601",
            "maxAttempts, 0", "maxAttempts, 11",
            "sendQuota, 0", "sendQuota, 21", "sendQuotaWindowSeconds, 299", "sendQuotaWindowSeconds, 86401",
            "maxWrongCodesPerDay, 0", "maxWrongCodesPerDay, 51",
            "allowUnverifiedEmail, no", "markEmailVerified, 0", "allowedDomains, acme", "allowedDomains, acme..com",
            "maskEmail, yes", "maskEmail, 1"})
    void outOfRangeOrUnreadableValuesAreRefusedWithTheKeyNamed(String key, String value) {
        List<String> problems = EmailCodeConfig.problemsIn(Map.of(key, value));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(key + " "), problems.get(0));
    }

    @Test
    void allowedDomainsAreReadFromTheConsolesListAndFromCommaSeparatedText() {
        AllowedDomains domains = EmailCodeConfig.from(Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com##Example.ORG, @corp.acme.com")).allowedDomains();
        assertTrue(domains.permits("jane@acme.com"));
        assertTrue(domains.permits("JANE@EXAMPLE.org"));
        assertTrue(domains.permits("max@corp.acme.com"));
        assertFalse(domains.permits("jane@other.com"));
        assertFalse(domains.permits("jane@sub.acme.com"), "a subdomain is a different domain");
        assertFalse(domains.permits("jane@acme.com.evil.org"));
    }

    @Test
    void noAllowedDomainsMeansAnyDomain() {
        assertTrue(EmailCodeConfig.from(Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), " ")).allowedDomains().permits("jane@anywhere.net"));
    }

    @Test
    void anUnusableDomainEntryMatchesNothingAndNeverWidensTheList() {
        AllowedDomains domains = EmailCodeConfig.from(Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme com")).allowedDomains();
        assertTrue(domains.restricted());
        assertFalse(domains.permits("jane@acme.com"));
        assertFalse(domains.permits("jane@anywhere.net"));
        AllowedDomains mixed = EmailCodeConfig.from(Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com##not a domain")).allowedDomains();
        assertTrue(mixed.permits("jane@acme.com"));
        assertFalse(mixed.permits("jane@anywhere.net"));
    }

    @Test
    void everyProblemIsReported() {
        assertEquals(2, EmailCodeConfig.problemsIn(Map.of(ConfigProperties.CODE_LENGTH.key(), "4", ConfigProperties.MAX_ATTEMPTS.key(), "0")).size());
    }

    @Test
    void unknownKeysAreIgnored() {
        assertEquals(EmailCodeConfig.DEFAULTS, EmailCodeConfig.from(Map.of("somethingElse", "x")));
        assertTrue(EmailCodeConfig.problemsIn(Map.of("somethingElse", "x")).isEmpty());
    }

    @Test
    void everyValueTheConsoleOffersIsValidAndIncludesTheDefault() {
        for (ConfigProperty property : ConfigProperties.ALL) {
            if (property instanceof ConfigProperty.IntRange range) {
                assertTrue(range.offered().contains(range.defaultInt()), range.key());
                assertTrue(range.min() <= range.offered().get(0) && range.offered().get(range.offered().size() - 1) <= range.max(), range.key());
                for (int offered : range.offered()) {
                    assertTrue(range.problemWith(Integer.toString(offered)).isEmpty(), range.key() + "=" + offered);
                }
            }
        }
    }

    @Test
    void everyPropertyHasAHelpTextAndAValidDefault() {
        for (ConfigProperty property : ConfigProperties.ALL) {
            assertFalse(property.helpText().isBlank(), property.key());
            assertFalse(property.label().isBlank(), property.key());
            assertTrue(property.problemWith(property.defaultValue()).isEmpty(), property.key());
        }
    }
}
