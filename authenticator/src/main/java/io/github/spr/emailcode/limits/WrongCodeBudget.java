package io.github.spr.emailcode.limits;

import io.github.spr.emailcode.code.GuessBudget;
import java.util.Optional;

/** A user's wrong-code budget for any 24 hours, as the verifier's guess budget. */
public final class WrongCodeBudget implements GuessBudget {

    private final SlidingWindowLimit limit;
    private final long nowMillis;
    private Optional<SlidingWindowLimit.Slot> taken = Optional.empty();

    public WrongCodeBudget(SlidingWindowLimit limit, long nowMillis) {
        this.limit = limit;
        this.nowMillis = nowMillis;
    }

    @Override
    public boolean tryTake() {
        taken = limit.tryTake(nowMillis);
        return taken.isPresent();
    }

    @Override
    public void giveBack() {
        taken.ifPresent(limit::giveBack);
        taken = Optional.empty();
    }
}
