package io.github.spr.emailcode.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.config.EmailCodeConfig;
import org.junit.jupiter.api.Test;

class GuessingBoundTest {

    @Test
    void theDefaultsGiveTwentyInAMillion() {
        assertEquals(20.0 / 999_996, GuessingBound.perUserPerDay(EmailCodeConfig.DEFAULTS), 1e-15);
    }

    @Test
    void theDefaultsMeetTheAimWithRoomToSpare() {
        assertTrue(GuessingBound.perUserPerDay(EmailCodeConfig.DEFAULTS) <= GuessingBound.AIM / 4);
    }

    @Test
    void everyConfigThatValidationAcceptsMeetsTheAim() {
        // The worst case is the shortest code, the most tries per code and the largest daily budget.
        double worst = GuessingBound.perUserPerDay(ConfigProperties.CODE_LENGTH.min(), ConfigProperties.MAX_ATTEMPTS.max(),
                ConfigProperties.MAX_WRONG_CODES_PER_DAY.max());
        assertTrue(worst <= GuessingBound.AIM, "worst accepted config gives " + worst);
    }

    @Test
    void eachDigitMakesGuessingTenTimesHarder() {
        double six = GuessingBound.perUserPerDay(6, 5, 20);
        double seven = GuessingBound.perUserPerDay(7, 5, 20);
        assertEquals(10.0, six / seven, 1e-4);
    }

    @Test
    void theBudgetNotTheNumberOfResendsDrivesTheBound() {
        assertEquals(2 * GuessingBound.perUserPerDay(6, 5, 10), GuessingBound.perUserPerDay(6, 5, 20), 1e-15);
    }
}
