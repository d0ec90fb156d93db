package io.github.spr.emailcode.code;

/**
 * What became of one code entry, with what the step needs to answer it.
 *
 * @param triesLeft       wrong entries the code still allows (only for {@link Kind#WRONG})
 * @param budgetNowUsedUp this wrong entry took the last of the user's daily wrong-code budget
 */
public record Verdict(Kind kind, int triesLeft, boolean budgetNowUsedUp) {

    public enum Kind {
        /** Right code: the login may continue; the code is used up. */
        ACCEPTED,
        /** Nothing was entered. Not counted as a try. */
        EMPTY,
        /** Not a code of the configured length. Not counted as a try: it cannot match any code. */
        MALFORMED,
        /** No code is active in this login (never sent, already used, voided or replaced). */
        NO_ACTIVE_CODE,
        /** The code's lifetime is over; a new one must be requested. */
        EXPIRED,
        /** The code's mail could not be sent: nothing was compared, nothing counts; the user sends a new one. */
        MAIL_NOT_SENT,
        /** Wrong code; more tries are left for this code. */
        WRONG,
        /** Wrong code and that was the last allowed try: the code is now void. */
        WRONG_CODE_VOIDED,
        /** The user's wrong-code budget was already used up: the entry was not compared with the code at all. */
        BUDGET_EXHAUSTED
    }

    static Verdict of(Kind kind) {
        return new Verdict(kind, 0, false);
    }
}
