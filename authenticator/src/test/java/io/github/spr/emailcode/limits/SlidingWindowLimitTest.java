package io.github.spr.emailcode.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.testing.InMemorySingleUseObjects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlidingWindowLimitTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();

    private SlidingWindowLimit limit(int capacity, int window) {
        return new SlidingWindowLimit(store, "test.user-1.", capacity, window);
    }

    @Test
    void allowsCapacityEventsThenRefuses() {
        SlidingWindowLimit limit = limit(3, 3600);
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryTake(store.nowMillis()).isPresent(), "event " + i);
        }
        assertTrue(limit.tryTake(store.nowMillis()).isEmpty());
        assertTrue(limit.exhausted());
    }

    @Test
    void aSlotFreesUpWhenItsWindowHasPassedSinceItWasTaken() {
        SlidingWindowLimit limit = limit(2, 100);
        limit.tryTake(store.nowMillis());
        store.advance(40);
        limit.tryTake(store.nowMillis());
        assertEquals(60, limit.secondsUntilFree(store.nowMillis()));
        store.advance(60);
        assertFalse(limit.exhausted());
        assertTrue(limit.tryTake(store.nowMillis()).isPresent());
        assertTrue(limit.tryTake(store.nowMillis()).isEmpty(), "the second slot is still taken for 40 more seconds");
    }

    @Test
    void aSlotGivenBackCanBeTakenAgain() {
        SlidingWindowLimit limit = limit(1, 100);
        SlidingWindowLimit.Slot slot = limit.tryTake(store.nowMillis()).orElseThrow();
        limit.giveBack(slot);
        assertEquals(0, limit.secondsUntilFree(store.nowMillis()));
        assertTrue(limit.tryTake(store.nowMillis()).isPresent());
    }

    @Test
    void theLimitIsSharedByEveryoneUsingTheSameKeysLikeTwoLoginsOrNodes() {
        SlidingWindowLimit firstLogin = limit(2, 100);
        SlidingWindowLimit secondLogin = limit(2, 100);
        assertTrue(firstLogin.tryTake(store.nowMillis()).isPresent());
        assertTrue(secondLogin.tryTake(store.nowMillis()).isPresent());
        assertTrue(firstLogin.tryTake(store.nowMillis()).isEmpty());
        assertTrue(secondLogin.tryTake(store.nowMillis()).isEmpty());
    }

    @Test
    void differentUsersHaveTheirOwnLimits() {
        assertTrue(limit(1, 100).tryTake(store.nowMillis()).isPresent());
        assertTrue(new SlidingWindowLimit(store, "test.user-2.", 1, 100).tryTake(store.nowMillis()).isPresent());
    }

    @Test
    void aZeroWindowMeansNoLimitAndTouchesNoStore() {
        SlidingWindowLimit limit = limit(1, 0);
        for (int i = 0; i < 10; i++) {
            Optional<SlidingWindowLimit.Slot> slot = limit.tryTake(store.nowMillis());
            assertTrue(slot.isPresent());
            limit.giveBack(slot.get());
        }
        assertFalse(limit.exhausted());
        assertEquals(0, limit.secondsUntilFree(store.nowMillis()));
    }

    @Test
    void theWaitIsRoundedUpSoACountdownNeverEndsEarly() {
        SlidingWindowLimit limit = limit(1, 30);
        limit.tryTake(store.nowMillis());
        store.advanceMillis(900);
        assertEquals(30, limit.secondsUntilFree(store.nowMillis()), "29.1 s left is shown as 30");
        store.advanceMillis(28_200);
        assertEquals(1, limit.secondsUntilFree(store.nowMillis()), "0.9 s left is shown as 1");
    }

    @Test
    void whileExhaustedTheWaitIsAtLeastOneSecond() {
        SlidingWindowLimit limit = limit(1, 100);
        limit.tryTake(store.nowMillis());
        store.advance(99);
        assertEquals(1, limit.secondsUntilFree(store.nowMillis()));
    }
}
