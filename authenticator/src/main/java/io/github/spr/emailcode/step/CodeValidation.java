package io.github.spr.emailcode.step;

import io.github.spr.emailcode.code.Verdict;
import io.github.spr.emailcode.outcome.Outcome;
import io.github.spr.emailcode.outcome.OutcomeReport;

/** Answers what the user entered as the code. */
final class CodeValidation {

    private CodeValidation() {
    }

    static void validate(StepRequest request, String input) {
        Verdict verdict = request.code.verify(input, request.now, request.nowMillis);
        OutcomeReport report = request.report;
        switch (verdict.kind()) {
            case ACCEPTED -> {
                if (request.config.markEmailVerified() && !request.user.isEmailVerified()) {
                    // The code proved that the user reads this mailbox.
                    request.user.setEmailVerified(true);
                }
                report.report(Outcome.VALIDATED);
            }
            case EMPTY -> report.report(Outcome.CODE_MISSING);
            case MALFORMED -> report.report(Outcome.CODE_MALFORMED, Integer.toString(request.config.codeLength()));
            case NO_ACTIVE_CODE -> report.report(Outcome.NO_ACTIVE_CODE);
            case EXPIRED -> report.report(Outcome.CODE_EXPIRED);
            case MAIL_NOT_SENT -> report.report(Outcome.MAIL_NOT_SENT);
            case BUDGET_EXHAUSTED -> {
                // Another request used up the budget since this one checked it: a stop like any other.
                request.code.discard();
                report.report(Outcome.WRONG_CODE_BUDGET_USED_UP, request.hoursUntilBudgetFrees());
            }
            case WRONG, WRONG_CODE_VOIDED -> reportWrongGuess(request, verdict);
        }
    }

    private static void reportWrongGuess(StepRequest request, Verdict verdict) {
        if (verdict.budgetNowUsedUp()) {
            request.report.report(Outcome.WRONG_CODE_USED_UP_BUDGET, request.hoursUntilBudgetFrees());
        } else if (verdict.kind() == Verdict.Kind.WRONG) {
            request.report.report(Outcome.WRONG_CODE, Integer.toString(verdict.triesLeft()));
        } else {
            request.report.report(Outcome.WRONG_CODE_VOIDED);
        }
    }
}
