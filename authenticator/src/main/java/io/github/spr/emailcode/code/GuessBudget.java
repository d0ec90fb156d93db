package io.github.spr.emailcode.code;

/** How many guesses may still be compared with a code; every comparison takes one first. */
public interface GuessBudget {

    /** Takes one guess; false when none is left, and then nothing may be compared. */
    boolean tryTake();

    /** Returns the guess taken last: it was right, so it was no wrong code. */
    void giveBack();
}
