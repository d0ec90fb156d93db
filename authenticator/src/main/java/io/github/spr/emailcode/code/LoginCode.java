package io.github.spr.emailcode.code;

import io.github.spr.emailcode.limits.SlidingWindowLimit;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The verification code of one login: issuing a new one, and checking what the user entered against it.
 * Every decision about a code is made here: its tries ({@code maxAttempts}), its single use, its lifetime, and
 * the user's daily wrong-code budget, of which every compared entry takes a slot first.
 */
public final class LoginCode {

    /** The rules a code follows, from the step's settings. */
    public record Rules(int length, int lifetimeSeconds, int maxAttempts) {
    }

    /** A code just issued: the plain code to email (and then forget), and the id its fate is recorded under. */
    public record Issued(String plainCode, String id) {
    }

    private static final SecureRandom IDS = new SecureRandom();

    private final CodeStore store;
    private final CodeUsage usage;
    private final MacKeys keys;
    private final CodeGenerator generator;
    private final String loginBinding;
    private final Rules rules;
    private final SlidingWindowLimit wrongCodeBudget;

    public LoginCode(CodeStore store, CodeUsage usage, MacKeys keys, CodeGenerator generator, String loginBinding,
                     Rules rules, SlidingWindowLimit wrongCodeBudget) {
        this.store = store;
        this.usage = usage;
        this.keys = keys;
        this.generator = generator;
        this.loginBinding = loginBinding;
        this.rules = rules;
        this.wrongCodeBudget = wrongCodeBudget;
    }

    /** Whether this login has been sent a code it still remembers (it may have expired since). */
    public boolean isActive() {
        return store.load().isPresent();
    }

    /** A fresh code for this login; the one before it stops working. */
    public Issued issue(long now) {
        discard();
        String code = generator.generate(rules.length());
        MacKey key = keys.active();
        String id = newId();
        store.save(new IssuedCode(id, key.id(), CodeMac.compute(key, loginBinding, code), now + rules.lifetimeSeconds()));
        return new Issued(code, id);
    }

    /** Whole seconds since this login's code was issued (Keycloak's clock); empty when it has none. */
    public OptionalLong secondsSinceIssued(long now) {
        return store.load().stream().mapToLong(code -> now - (code.expiresAt() - rules.lifetimeSeconds())).findFirst();
    }

    /** Whether this login's code could not be mailed (the background sender found out after the page came back). */
    public boolean mailFailed() {
        return store.load().map(code -> usage.isUndelivered(code.id())).orElse(false);
    }

    /** Ends this login's code, if it has one: nothing can match it any more, whatever another request writes. */
    public void discard() {
        store.load().ifPresent(code -> usage.end(code.id(), rules.lifetimeSeconds()));
        store.clear();
    }

    /**
     * @param now       Keycloak's clock in seconds (code lifetimes)
     * @param nowMillis the same clock in milliseconds (the budget, see {@link SlidingWindowLimit})
     */
    public Verdict verify(String rawInput, long now, long nowMillis) {
        CodeInput input = CodeInput.parse(rawInput, rules.length());
        if (input instanceof CodeInput.Empty) {
            return Verdict.of(Verdict.Kind.EMPTY);
        }
        if (input instanceof CodeInput.Malformed) {
            return Verdict.of(Verdict.Kind.MALFORMED);
        }
        Optional<IssuedCode> stored = store.load();
        if (stored.isEmpty()) {
            return Verdict.of(Verdict.Kind.NO_ACTIVE_CODE);
        }
        IssuedCode code = stored.get();
        if (usage.isUndelivered(code.id())) {
            store.clear();
            return Verdict.of(Verdict.Kind.MAIL_NOT_SENT);
        }
        if (usage.hasEnded(code.id())) {
            store.clear();
            return Verdict.of(Verdict.Kind.NO_ACTIVE_CODE);
        }
        if (code.expiredAt(now)) {
            return Verdict.of(Verdict.Kind.EXPIRED);
        }
        Optional<MacKey> key = keys.byId(code.keyId());
        if (key.isEmpty()) {
            // The realm key this code was bound to is gone (rotated and deleted): nothing can match it any more.
            discard();
            return Verdict.of(Verdict.Kind.NO_ACTIVE_CODE);
        }
        return compare(code, key.get(), ((CodeInput.Digits) input).value(), nowMillis);
    }

    private Verdict compare(IssuedCode code, MacKey key, String digits, long nowMillis) {
        Optional<SlidingWindowLimit.Slot> budgetSlot = wrongCodeBudget.tryTake(nowMillis);
        if (budgetSlot.isEmpty()) {
            return Verdict.of(Verdict.Kind.BUDGET_EXHAUSTED);
        }
        OptionalInt triesBefore = usage.tryTakeTry(code.id(), rules.maxAttempts(), rules.lifetimeSeconds());
        if (triesBefore.isEmpty()) {
            // Parallel requests took this code's last try, and this entry was never compared. Which of them ends the
            // code is theirs to decide: one of them may have been the right code.
            wrongCodeBudget.giveBack(budgetSlot.get());
            return Verdict.of(Verdict.Kind.NO_ACTIVE_CODE);
        }
        if (CodeMac.matches(code.mac(), CodeMac.compute(key, loginBinding, digits))) {
            // A right code is no wrong code: its budget slot goes back.
            wrongCodeBudget.giveBack(budgetSlot.get());
            boolean first = usage.end(code.id(), rules.lifetimeSeconds());
            store.clear();
            return Verdict.of(first ? Verdict.Kind.ACCEPTED : Verdict.Kind.NO_ACTIVE_CODE);
        }
        int left = rules.maxAttempts() - (triesBefore.getAsInt() + 1);
        boolean budgetUsedUp = wrongCodeBudget.exhausted();
        if (left <= 0 || budgetUsedUp) {
            discard();
        }
        return new Verdict(left <= 0 ? Verdict.Kind.WRONG_CODE_VOIDED : Verdict.Kind.WRONG, Math.max(0, left), budgetUsedUp);
    }

    private static String newId() {
        byte[] id = new byte[16];
        IDS.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
