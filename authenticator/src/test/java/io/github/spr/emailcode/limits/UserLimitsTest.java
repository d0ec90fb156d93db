package io.github.spr.emailcode.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.testing.InMemorySingleUseObjects;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserLimitsTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    /** The largest limits the settings accept: clearing must reach every slot they can take. */
    private final EmailCodeConfig widest = EmailCodeConfig.from(Map.of(
            ConfigProperties.SEND_QUOTA.key(), Integer.toString(ConfigProperties.SEND_QUOTA.max()),
            ConfigProperties.MAX_WRONG_CODES_PER_DAY.key(), Integer.toString(ConfigProperties.MAX_WRONG_CODES_PER_DAY.max())));

    @Test
    void clearingAUserLiftsTheirCooldownQuotaAndBudgetWhateverTheSettings() {
        UserLimits limits = exhaust(UserLimits.of(store, "realm-1", "user-1", widest));

        UserLimits.clear(store, "realm-1", "user-1");

        assertFalse(limits.cooldown().exhausted());
        assertFalse(limits.sendQuota().exhausted());
        assertFalse(limits.wrongCodeBudget().exhausted());
    }

    @Test
    void clearingAUserLeavesOtherUsersLimitsAlone() {
        UserLimits other = exhaust(UserLimits.of(store, "realm-1", "user-2", widest));
        UserLimits.clear(store, "realm-1", "user-1");
        assertTrue(other.wrongCodeBudget().exhausted());
        assertTrue(other.cooldown().exhausted());
    }

    @Test
    void clearingAllUsersOfARealmLiftsEveryonesLimitsThereAndNowhereElse() {
        exhaust(UserLimits.of(store, "realm-1", "user-1", widest));
        exhaust(UserLimits.of(store, "realm-1", "user-2", widest));
        exhaust(UserLimits.of(store, "realm-2", "user-3", widest));

        UserLimits.clearAll(store, "realm-1");

        assertFalse(UserLimits.of(store, "realm-1", "user-1", widest).wrongCodeBudget().exhausted());
        assertFalse(UserLimits.of(store, "realm-1", "user-2", widest).sendQuota().exhausted());
        assertTrue(UserLimits.of(store, "realm-2", "user-3", widest).wrongCodeBudget().exhausted());
    }

    @Test
    void limitsTakenAfterClearingAllCountAgain() {
        UserLimits.clearAll(store, "realm-1");
        exhaust(UserLimits.of(store, "realm-1", "user-1", widest));
        assertTrue(UserLimits.of(store, "realm-1", "user-1", widest).wrongCodeBudget().exhausted());
    }

    @Test
    void theResendWaitIsCountedFromTheLatestSendRoundedUp() {
        UserLimits limits = UserLimits.of(store, "realm-1", "user-1", EmailCodeConfig.DEFAULTS);
        limits.cooldown().tryTake(store.nowMillis());
        limits.sendQuota().tryTake(store.nowMillis());
        store.advanceMillis(10_500);
        assertEquals(20, limits.secondsUntilNextSend(store.nowMillis()));
        store.advance(20);
        assertEquals(0, limits.secondsUntilNextSend(store.nowMillis()), "the cooldown's slot has expired");
    }

    @Test
    void theCooldownAndTheBudgetKeepNoTimeOfTheirOwn() {
        UserLimits limits = UserLimits.of(store, "realm-1", "user-1", EmailCodeConfig.DEFAULTS);
        limits.cooldown().tryTake(store.nowMillis());
        limits.wrongCodeBudget().tryTake(store.nowMillis());
        assertEquals(Set.of(), store.keysContaining("taken-at"), "one store entry per cooldown or budget slot");
        limits.sendQuota().tryTake(store.nowMillis());
        assertEquals(1, store.keysContaining("taken-at").size(), "the quota keeps the time of each send");
    }

    private UserLimits exhaust(UserLimits limits) {
        for (SlidingWindowLimit limit : new SlidingWindowLimit[] {limits.cooldown(), limits.sendQuota(), limits.wrongCodeBudget()}) {
            while (limit.tryTake(store.nowMillis()).isPresent()) {
                // take every slot
            }
            assertTrue(limit.exhausted());
        }
        return limits;
    }
}
