package io.github.spr.emailcode.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WrongCodeBudgetTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final SlidingWindowLimit daily = new SlidingWindowLimit(store, "wrong.u.", 2, UserLimits.DAY_SECONDS);

    @Test
    void eachComparedGuessTakesOneFromTheBudget() {
        assertTrue(new WrongCodeBudget(daily, store.nowMillis).tryTake());
        assertTrue(new WrongCodeBudget(daily, store.nowMillis).tryTake());
        assertFalse(new WrongCodeBudget(daily, store.nowMillis).tryTake());
    }

    @Test
    void aRightGuessGivesItsSlotBack() {
        WrongCodeBudget right = new WrongCodeBudget(daily, store.nowMillis);
        assertTrue(right.tryTake());
        right.giveBack();
        assertTrue(new WrongCodeBudget(daily, store.nowMillis).tryTake());
        assertTrue(new WrongCodeBudget(daily, store.nowMillis).tryTake());
    }

    @Test
    void theBudgetRefillsTwentyFourHoursAfterEachWrongGuess() {
        new WrongCodeBudget(daily, store.nowMillis).tryTake();
        new WrongCodeBudget(daily, store.nowMillis).tryTake();
        store.advance(UserLimits.DAY_SECONDS - 1);
        assertFalse(new WrongCodeBudget(daily, store.nowMillis).tryTake());
        store.advance(1);
        assertTrue(new WrongCodeBudget(daily, store.nowMillis).tryTake());
    }
}
