package io.github.spr.emailcode.code;

/** What became of one code entry. */
public enum Verdict {
    /** Right code: the login may continue; the code is used up. */
    ACCEPTED,
    /** Nothing was entered. Not counted as a try. */
    EMPTY,
    /** Not a code of the configured length. Not counted as a try: it cannot match any code. */
    MALFORMED,
    /** No code is active in this login (never sent, already used, or voided). */
    NO_ACTIVE_CODE,
    /** The code's lifetime is over; a new one must be requested. */
    EXPIRED,
    /** Wrong code; more tries are left for this code. */
    WRONG,
    /** Wrong code and that was the last allowed try: the code is now void. */
    WRONG_CODE_VOIDED,
    /** The user's wrong-code budget is used up: the entry was not compared with the code at all. */
    BUDGET_EXHAUSTED;

    /** Whether this entry was a real guess at the code, which brute-force protection must count. */
    public boolean isWrongGuess() {
        return this == WRONG || this == WRONG_CODE_VOIDED;
    }
}
