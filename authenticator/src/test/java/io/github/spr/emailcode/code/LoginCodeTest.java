package io.github.spr.emailcode.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.code.Verdict.Kind;
import io.github.spr.emailcode.limits.SlidingWindowLimit;
import io.github.spr.emailcode.limits.UserLimits;
import io.github.spr.emailcode.testing.InMemorySingleUseObjects;
import io.github.spr.emailcode.testing.MemoryCodeStore;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoginCodeTest {

    private static final String LOGIN = "root-session-1/tab-a/user-1";
    private static final int LENGTH = 6;
    private static final int LIFETIME = 600;
    private static final int MAX_ATTEMPTS = 5;
    private static final long T0 = 1_700_000_000L;

    private final InMemorySingleUseObjects singleUse = new InMemorySingleUseObjects();
    private final TestKeys keys = new TestKeys();
    private final CodeGenerator generator = new CodeGenerator(new SplittableRandom(1));
    private final MemoryCodeStore store = new MemoryCodeStore();
    private final LoginCode code = loginCode(store, LOGIN, budget(1000));

    @Test
    void theRightCodeIsAcceptedWithinItsLifetime() {
        String sent = code.issue(T0).plainCode();
        assertEquals(Kind.ACCEPTED, verify(code, sent, T0 + LIFETIME - 1).kind());
    }

    @Test
    void onlyAMacIsStoredNeverTheCode() {
        String sent = code.issue(T0).plainCode();
        IssuedCode stored = store.load().orElseThrow();
        assertFalse(new String(stored.mac(), StandardCharsets.ISO_8859_1).contains(sent));
        assertEquals(32, stored.mac().length);
        assertEquals(keys.active().id(), stored.keyId());
        assertEquals(T0 + LIFETIME, stored.expiresAt());
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String sent = code.issue(T0).plainCode();
        assertEquals(Kind.ACCEPTED, verify(code, sent, T0 + 1).kind());
        assertEquals(Kind.NO_ACTIVE_CODE, verify(code, sent, T0 + 2).kind());
    }

    @Test
    void theCodeExpiresAtTheEndOfItsLifetime() {
        String sent = code.issue(T0).plainCode();
        assertEquals(Kind.EXPIRED, verify(code, sent, T0 + LIFETIME).kind());
    }

    @Test
    void anExpiredCodeStaysExpiredAndDoesNotCountTries() {
        String sent = code.issue(T0).plainCode();
        for (int i = 0; i < MAX_ATTEMPTS + 2; i++) {
            assertEquals(Kind.EXPIRED, verify(code, wrongCodeFor(sent), T0 + LIFETIME + i).kind());
        }
        assertEquals(0, triesTaken());
    }

    @Test
    void aWrongCodeIsRefusedAndCountedWithTheTriesLeft() {
        String sent = code.issue(T0).plainCode();
        Verdict first = verify(code, wrongCodeFor(sent), T0 + 1);
        assertEquals(Kind.WRONG, first.kind());
        assertEquals(MAX_ATTEMPTS - 1, first.triesLeft());
        assertEquals(MAX_ATTEMPTS - 2, verify(code, wrongCodeFor(sent), T0 + 1).triesLeft());
        assertEquals(2, triesTaken());
    }

    @Test
    void theRightCodeStillWorksAfterFewerThanMaxWrongTries() {
        String sent = code.issue(T0).plainCode();
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            assertEquals(Kind.WRONG, verify(code, wrongCodeFor(sent), T0 + 1).kind());
        }
        assertEquals(Kind.ACCEPTED, verify(code, sent, T0 + 2).kind());
    }

    @Test
    void theLastAllowedWrongTryVoidsTheCodeSoTheRightCodeIsRefused() {
        String sent = code.issue(T0).plainCode();
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            assertEquals(Kind.WRONG, verify(code, wrongCodeFor(sent), T0 + 1).kind());
        }
        assertEquals(Kind.WRONG_CODE_VOIDED, verify(code, wrongCodeFor(sent), T0 + 1).kind());
        assertEquals(Kind.NO_ACTIVE_CODE, verify(code, sent, T0 + 2).kind());
    }

    @Test
    void emptyAndMalformedInputAreNotCountedAsTries() {
        String sent = code.issue(T0).plainCode();
        for (int i = 0; i < MAX_ATTEMPTS * 2; i++) {
            assertEquals(Kind.EMPTY, verify(code, "  ", T0 + 1).kind());
            assertEquals(Kind.MALFORMED, verify(code, "12ab56", T0 + 1).kind());
        }
        assertEquals(Kind.ACCEPTED, verify(code, sent, T0 + 2).kind());
    }

    @Test
    void aNewCodeVoidsTheOldOne() {
        String first = code.issue(T0).plainCode();
        String second = code.issue(T0 + 30).plainCode();
        assertNotEquals(first, second, "the seeded generator gives two different codes");
        assertEquals(Kind.WRONG, verify(code, first, T0 + 31).kind());
        assertEquals(Kind.ACCEPTED, verify(code, second, T0 + 31).kind());
    }

    @Test
    void aNewCodeStartsWithAFreshSetOfTries() {
        String first = code.issue(T0).plainCode();
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            verify(code, wrongCodeFor(first), T0 + 1);
        }
        String second = code.issue(T0 + 30).plainCode();
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            assertEquals(Kind.WRONG, verify(code, wrongCodeFor(second), T0 + 31).kind());
        }
        assertEquals(Kind.ACCEPTED, verify(code, second, T0 + 31).kind());
    }

    @Test
    void aCodeIssuedForOneLoginDoesNotMatchInAnother() {
        String sent = code.issue(T0).plainCode();
        LoginCode otherLogin = loginCode(store, "root-session-2/tab-a/user-1", budget(1000));
        assertEquals(Kind.WRONG, verify(otherLogin, sent, T0 + 1).kind());
    }

    @Test
    void aCodeStillVerifiesAfterTheRealmKeyRotatesWhileTheOldKeyExists() {
        String sent = code.issue(T0).plainCode();
        keys.rotate();
        assertEquals(Kind.ACCEPTED, verify(code, sent, T0 + 1).kind());
    }

    @Test
    void aCodeWhoseKeyWasDeletedCanNoLongerBeUsed() {
        String sent = code.issue(T0).plainCode();
        keys.rotateAndForgetOld();
        assertEquals(Kind.NO_ACTIVE_CODE, verify(code, sent, T0 + 1).kind());
        assertTrue(store.load().isEmpty());
    }

    @Test
    void pastedFormatsOfTheRightCodeAreAccepted() {
        String sent = code.issue(T0).plainCode();
        String pasted = " " + sent.substring(0, 3) + "-" + sent.substring(3) + "\n";
        assertEquals(Kind.ACCEPTED, verify(code, pasted, T0 + 1).kind());
    }

    @Test
    void everyComparedGuessTakesFromTheBudgetAndARightOneGivesItBack() {
        LoginCode limited = loginCode(store, LOGIN, budget(3));
        String sent = limited.issue(T0).plainCode();
        verify(limited, wrongCodeFor(sent), T0 + 1);
        verify(limited, wrongCodeFor(sent), T0 + 1);
        assertEquals(Kind.ACCEPTED, verify(limited, sent, T0 + 1).kind());
        String next = limited.issue(T0 + 40).plainCode();
        Verdict third = verify(limited, wrongCodeFor(next), T0 + 41);
        assertEquals(Kind.WRONG, third.kind(), "the right code's slot came back");
        assertTrue(third.budgetNowUsedUp(), "two wrong codes and this one: all three slots taken");
    }

    @Test
    void entriesThatAreNeverComparedTakeNothingFromTheBudget() {
        LoginCode limited = loginCode(store, LOGIN, budget(1));
        verify(limited, "123456", T0);
        String sent = limited.issue(T0).plainCode();
        verify(limited, "", T0 + 1);
        verify(limited, "abc", T0 + 1);
        verify(limited, sent, T0 + LIFETIME);
        String next = limited.issue(T0 + LIFETIME).plainCode();
        assertEquals(Kind.WRONG, verify(limited, wrongCodeFor(next), T0 + LIFETIME + 1).kind(), "the budget's one slot was still free");
    }

    @Test
    void withTheBudgetUsedUpNothingIsComparedNotEvenTheRightCode() {
        LoginCode noBudget = loginCode(store, LOGIN, budget(0));
        String sent = noBudget.issue(T0).plainCode();
        assertEquals(Kind.BUDGET_EXHAUSTED, verify(noBudget, sent, T0 + 1).kind());
        assertEquals(0, triesTaken(), "an entry that was not compared is not a wrong try");
    }

    @Test
    void theWrongGuessThatTakesTheBudgetsLastSlotSaysSoAndEndsTheCode() {
        LoginCode limited = loginCode(store, LOGIN, budget(2));
        String sent = limited.issue(T0).plainCode();
        assertFalse(verify(limited, wrongCodeFor(sent), T0 + 1).budgetNowUsedUp());
        Verdict last = verify(limited, wrongCodeFor(sent), T0 + 1);
        assertEquals(Kind.WRONG, last.kind());
        assertTrue(last.budgetNowUsedUp());
        assertFalse(limited.isActive(), "the login's code ended with the budget");
    }

    @Test
    void triesTakenByParallelRequestsOfOneLoginAddUpToMaxAttempts() {
        String sent = code.issue(T0).plainCode();
        // Five requests that all loaded the login's notes before any of them counted a try.
        int voided = 0;
        int wrong = 0;
        for (int i = 0; i < MAX_ATTEMPTS + 3; i++) {
            Kind kind = verify(loginCode(store.copy(), LOGIN, budget(1000)), wrongCodeFor(sent), T0 + 1).kind();
            wrong += kind == Kind.WRONG ? 1 : 0;
            voided += kind == Kind.WRONG_CODE_VOIDED ? 1 : 0;
        }
        assertEquals(MAX_ATTEMPTS - 1, wrong);
        assertEquals(1, voided);
        assertEquals(MAX_ATTEMPTS, triesTaken(), "never more comparisons than the code allows");
        assertEquals(Kind.NO_ACTIVE_CODE, verify(loginCode(store.copy(), LOGIN, budget(1000)), sent, T0 + 2).kind());
    }

    @Test
    void theRightCodePostedTwiceAtOnceIsAcceptedOnce() {
        String sent = code.issue(T0).plainCode();
        LoginCode first = loginCode(store.copy(), LOGIN, budget(1000));
        LoginCode second = loginCode(store.copy(), LOGIN, budget(1000));
        assertEquals(Kind.ACCEPTED, verify(first, sent, T0 + 1).kind());
        assertEquals(Kind.NO_ACTIVE_CODE, verify(second, sent, T0 + 1).kind());
    }

    @Test
    void theRightCodePostedMoreOftenThanTheCodeHasTriesStillSignsInOnce() {
        String sent = code.issue(T0).plainCode();
        int accepted = 0;
        for (int i = 0; i < MAX_ATTEMPTS * 3; i++) {
            accepted += verify(loginCode(store.copy(), LOGIN, budget(1000)), sent, T0 + 1).kind() == Kind.ACCEPTED ? 1 : 0;
        }
        assertEquals(1, accepted);
    }

    @Test
    void aDiscardedCodeStaysEndedWhenAnotherRequestStillHoldsItsNotes() {
        String sent = code.issue(T0).plainCode();
        MemoryCodeStore racing = store.copy();
        code.discard();
        assertEquals(Kind.NO_ACTIVE_CODE, verify(loginCode(racing, LOGIN, budget(1000)), sent, T0 + 1).kind());
    }

    private LoginCode loginCode(CodeStore codeStore, String login, SlidingWindowLimit budget) {
        return new LoginCode(codeStore, new CodeUsage(singleUse), keys, generator, login,
                new LoginCode.Rules(LENGTH, LIFETIME, MAX_ATTEMPTS), budget);
    }

    private SlidingWindowLimit budget(int capacity) {
        return new SlidingWindowLimit(singleUse, "wrong.user-1.", capacity, UserLimits.DAY_SECONDS);
    }

    private Verdict verify(LoginCode loginCode, String input, long now) {
        return loginCode.verify(input, now, singleUse.nowMillis());
    }

    private int triesTaken() {
        return singleUse.keysContaining(".try.").size();
    }

    private static String wrongCodeFor(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
