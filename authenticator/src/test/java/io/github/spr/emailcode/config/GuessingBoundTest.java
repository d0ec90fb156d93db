package io.github.spr.emailcode.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The guarantee the settings give (docs/design.md, "the 1e-4 bound"): whatever someone with a user's password does,
 * they get through the email step with probability at most B / (10^L - (A - 1)) per user per day, where every
 * compared guess takes one of B = maxWrongCodesPerDay slots and a code of L digits allows A = maxAttempts tries.
 * These tests hold the settings' ranges to that bound, so widening a range past it fails here.
 */
class GuessingBoundTest {

    private static final double AIM = 1e-4;

    @Test
    void theDefaultsGiveTwentyInAMillionWellBelowTheAim() {
        EmailCodeConfig defaults = EmailCodeConfig.DEFAULTS;
        double bound = bound(defaults.codeLength(), defaults.maxAttempts(), defaults.maxWrongCodesPerDay());
        assertEquals(20.0 / 999_996, bound, 1e-15);
        assertTrue(bound <= AIM / 4);
    }

    @Test
    void theWorstValuesTheSettingsAcceptStillMeetTheAim() {
        // The shortest code, the most tries per code and the largest daily budget.
        double worst = bound(ConfigProperties.CODE_LENGTH.min(), ConfigProperties.MAX_ATTEMPTS.max(),
                ConfigProperties.MAX_WRONG_CODES_PER_DAY.max());
        assertTrue(worst <= AIM, "the worst accepted settings give " + worst);
    }

    @Test
    void theWorstValuesTheConsoleOffersStillMeetTheAim() {
        double worst = bound(ConfigProperties.CODE_LENGTH.offered().stream().min(Integer::compare).orElseThrow(),
                ConfigProperties.MAX_ATTEMPTS.offered().stream().max(Integer::compare).orElseThrow(),
                ConfigProperties.MAX_WRONG_CODES_PER_DAY.offered().stream().max(Integer::compare).orElseThrow());
        assertTrue(worst <= AIM, "the worst offered settings give " + worst);
    }

    private static double bound(int codeLength, int maxAttempts, int wrongCodesPerDay) {
        return wrongCodesPerDay / (Math.pow(10, codeLength) - (maxAttempts - 1));
    }
}
