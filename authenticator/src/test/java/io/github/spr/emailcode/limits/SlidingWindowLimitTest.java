package io.github.spr.emailcode.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertTrue(limit.tryTake(store.now).isPresent(), "event " + i);
        }
        assertTrue(limit.tryTake(store.now).isEmpty());
        assertTrue(limit.exhausted());
    }

    @Test
    void aSlotFreesUpWhenItsWindowHasPassedSinceItWasTaken() {
        SlidingWindowLimit limit = limit(2, 100);
        limit.tryTake(store.now);
        store.advance(40);
        limit.tryTake(store.now);
        assertEquals(60, limit.secondsUntilFree(store.now));
        store.advance(60);
        assertFalse(limit.exhausted());
        assertTrue(limit.tryTake(store.now).isPresent());
        assertTrue(limit.tryTake(store.now).isEmpty(), "the second slot is still taken for 40 more seconds");
    }

    @Test
    void aSlotGivenBackCanBeTakenAgain() {
        SlidingWindowLimit limit = limit(1, 100);
        SlidingWindowLimit.Slot slot = limit.tryTake(store.now).orElseThrow();
        limit.giveBack(slot);
        assertEquals(0, limit.secondsUntilFree(store.now));
        assertTrue(limit.tryTake(store.now).isPresent());
    }

    @Test
    void theLimitIsSharedByEveryoneUsingTheSameKeysLikeTwoLoginsOrNodes() {
        SlidingWindowLimit firstLogin = limit(2, 100);
        SlidingWindowLimit secondLogin = limit(2, 100);
        assertTrue(firstLogin.tryTake(store.now).isPresent());
        assertTrue(secondLogin.tryTake(store.now).isPresent());
        assertTrue(firstLogin.tryTake(store.now).isEmpty());
        assertTrue(secondLogin.tryTake(store.now).isEmpty());
    }

    @Test
    void differentUsersHaveTheirOwnLimits() {
        assertTrue(limit(1, 100).tryTake(store.now).isPresent());
        assertTrue(new SlidingWindowLimit(store, "test.user-2.", 1, 100).tryTake(store.now).isPresent());
    }

    @Test
    void aZeroWindowMeansNoLimitAndTouchesNoStore() {
        SlidingWindowLimit limit = limit(1, 0);
        for (int i = 0; i < 10; i++) {
            Optional<SlidingWindowLimit.Slot> slot = limit.tryTake(store.now);
            assertTrue(slot.isPresent());
            limit.giveBack(slot.get());
        }
        assertFalse(limit.exhausted());
        assertEquals(0, limit.secondsUntilFree(store.now));
    }

    @Test
    void whileExhaustedTheWaitIsAtLeastOneSecond() {
        SlidingWindowLimit limit = limit(1, 100);
        limit.tryTake(store.now);
        store.advance(99);
        assertEquals(1, limit.secondsUntilFree(store.now));
    }
}
