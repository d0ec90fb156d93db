package io.github.spr.emailcode.code;

import java.util.Optional;

/** Checks an entered code against the stored MAC of the login's current code. */
public final class CodeVerifier {

    private final MacKeys keys;

    public CodeVerifier(MacKeys keys) {
        this.keys = keys;
    }

    /** Every entry that is compared with the code takes a guess from {@code budget} first. */
    public Result verify(CodeStore store, String loginBinding, String rawInput, int length, int maxAttempts, long now,
                         GuessBudget budget) {
        CodeInput input = CodeInput.parse(rawInput, length);
        if (input instanceof CodeInput.Empty) {
            return new Result(Verdict.EMPTY, 0);
        }
        if (input instanceof CodeInput.Malformed) {
            return new Result(Verdict.MALFORMED, 0);
        }
        String digits = ((CodeInput.Digits) input).value();

        Optional<IssuedCode> stored = store.load();
        if (stored.isEmpty()) {
            return new Result(Verdict.NO_ACTIVE_CODE, 0);
        }
        IssuedCode code = stored.get();
        if (code.expiredAt(now)) {
            return new Result(Verdict.EXPIRED, 0);
        }
        Optional<MacKey> key = keys.byId(code.keyId());
        if (key.isEmpty()) {
            // The realm key this code was bound to is gone (rotated and deleted): nothing can match it any more.
            store.clear();
            return new Result(Verdict.NO_ACTIVE_CODE, 0);
        }
        if (!budget.tryTake()) {
            return new Result(Verdict.BUDGET_EXHAUSTED, 0);
        }
        if (CodeMac.matches(code.mac(), CodeMac.compute(key.get(), loginBinding, digits))) {
            store.clear();
            budget.giveBack();
            return new Result(Verdict.ACCEPTED, 0);
        }
        IssuedCode counted = code.withOneMoreWrongAttempt();
        int left = maxAttempts - counted.wrongAttempts();
        if (left <= 0) {
            store.clear();
            return new Result(Verdict.WRONG_CODE_VOIDED, 0);
        }
        store.save(counted);
        return new Result(Verdict.WRONG, left);
    }

    /** @param attemptsLeft wrong entries the current code still allows (only meaningful for {@link Verdict#WRONG}) */
    public record Result(Verdict verdict, int attemptsLeft) {
    }
}
