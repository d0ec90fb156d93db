package io.github.spr.emailcode.limits;

import io.github.spr.emailcode.code.GuessBudget;
import java.util.Optional;

/** A user's wrong-code budget for any 24 hours, as the verifier's guess budget. */
public final class WrongCodeBudget implements GuessBudget {

    private final SlidingWindowLimit limit;
    private final long now;
    private Optional<SlidingWindowLimit.Slot> taken = Optional.empty();

    public WrongCodeBudget(SlidingWindowLimit limit, long now) {
        this.limit = limit;
        this.now = now;
    }

    @Override
    public boolean tryTake() {
        taken = limit.tryTake(now);
        return taken.isPresent();
    }

    @Override
    public void giveBack() {
        taken.ifPresent(limit::giveBack);
        taken = Optional.empty();
    }
}
