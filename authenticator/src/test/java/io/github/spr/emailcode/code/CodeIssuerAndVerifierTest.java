package io.github.spr.emailcode.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodeIssuerAndVerifierTest {

    private static final String LOGIN = "root-session-1/tab-a";
    private static final int LENGTH = 6;
    private static final int LIFETIME = 600;
    private static final int MAX_ATTEMPTS = 5;
    private static final long T0 = 1_700_000_000L;

    private final RotatingKeys keys = new RotatingKeys();
    private final CodeIssuer issuer = new CodeIssuer(new CodeGenerator(new SplittableRandom(1)), keys);
    private final CodeVerifier verifier = new CodeVerifier(keys);
    private final MemoryStore store = new MemoryStore();

    @Test
    void theRightCodeIsAcceptedWithinItsLifetime() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        assertEquals(Verdict.ACCEPTED, verify(code, T0 + LIFETIME - 1).verdict());
    }

    @Test
    void onlyAMacIsStoredNeverTheCode() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        IssuedCode stored = store.load().orElseThrow();
        String storedBytes = new String(stored.mac(), StandardCharsets.ISO_8859_1);
        assertFalse(storedBytes.contains(code));
        assertEquals(32, stored.mac().length);
        assertEquals(keys.active().id(), stored.keyId());
        assertEquals(T0 + LIFETIME, stored.expiresAt());
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        assertEquals(Verdict.ACCEPTED, verify(code, T0 + 1).verdict());
        assertEquals(Verdict.NO_ACTIVE_CODE, verify(code, T0 + 2).verdict());
    }

    @Test
    void theCodeExpiresAtTheEndOfItsLifetime() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        assertEquals(Verdict.EXPIRED, verify(code, T0 + LIFETIME).verdict());
    }

    @Test
    void anExpiredCodeStaysExpiredAndDoesNotCountTries() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        for (int i = 0; i < MAX_ATTEMPTS + 2; i++) {
            assertEquals(Verdict.EXPIRED, verify(wrongCodeFor(code), T0 + LIFETIME + i).verdict());
        }
        assertEquals(0, store.load().orElseThrow().wrongAttempts());
    }

    @Test
    void aWrongCodeIsRefusedAndCountedWithTheTriesLeft() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        CodeVerifier.Result result = verify(wrongCodeFor(code), T0 + 1);
        assertEquals(Verdict.WRONG, result.verdict());
        assertEquals(MAX_ATTEMPTS - 1, result.attemptsLeft());
        assertEquals(1, store.load().orElseThrow().wrongAttempts());
    }

    @Test
    void theRightCodeStillWorksAfterFewerThanMaxWrongTries() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            assertEquals(Verdict.WRONG, verify(wrongCodeFor(code), T0 + 1).verdict());
        }
        assertEquals(Verdict.ACCEPTED, verify(code, T0 + 2).verdict());
    }

    @Test
    void theLastAllowedWrongTryVoidsTheCodeSoTheRightCodeIsRefused() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            assertEquals(Verdict.WRONG, verify(wrongCodeFor(code), T0 + 1).verdict());
        }
        assertEquals(Verdict.WRONG_CODE_VOIDED, verify(wrongCodeFor(code), T0 + 1).verdict());
        assertEquals(Verdict.NO_ACTIVE_CODE, verify(code, T0 + 2).verdict());
    }

    @Test
    void emptyAndMalformedInputAreNotCountedAsTries() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        for (int i = 0; i < MAX_ATTEMPTS * 2; i++) {
            assertEquals(Verdict.EMPTY, verify("  ", T0 + 1).verdict());
            assertEquals(Verdict.MALFORMED, verify("12ab56", T0 + 1).verdict());
        }
        assertEquals(Verdict.ACCEPTED, verify(code, T0 + 2).verdict());
    }

    @Test
    void aNewCodeVoidsTheOldOne() {
        String first = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        String second = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0 + 30);
        assertNotEquals(first, second, "the seeded generator gives two different codes");
        assertEquals(Verdict.WRONG, verify(first, T0 + 31).verdict());
        assertEquals(Verdict.ACCEPTED, verify(second, T0 + 31).verdict());
    }

    @Test
    void aNewCodeStartsWithAFreshTryBudget() {
        String first = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            verify(wrongCodeFor(first), T0 + 1);
        }
        String second = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0 + 30);
        assertEquals(0, store.load().orElseThrow().wrongAttempts());
        assertEquals(Verdict.ACCEPTED, verify(second, T0 + 31).verdict());
    }

    @Test
    void aCodeIssuedForOneLoginDoesNotMatchInAnother() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        CodeVerifier.Result result = verifier.verify(store, "root-session-2/tab-a", code, LENGTH, MAX_ATTEMPTS, T0 + 1, budget);
        assertEquals(Verdict.WRONG, result.verdict());
    }

    @Test
    void aCodeStillVerifiesAfterTheRealmKeyRotatesWhileTheOldKeyExists() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        keys.rotate();
        assertEquals(Verdict.ACCEPTED, verify(code, T0 + 1).verdict());
    }

    @Test
    void aCodeWhoseKeyWasDeletedCanNoLongerBeUsed() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        keys.rotateAndForgetOld();
        assertEquals(Verdict.NO_ACTIVE_CODE, verify(code, T0 + 1).verdict());
        assertTrue(store.load().isEmpty());
    }

    @Test
    void pastedFormatsOfTheRightCodeAreAccepted() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        String pasted = " " + code.substring(0, 3) + "-" + code.substring(3) + "\n";
        assertEquals(Verdict.ACCEPTED, verify(pasted, T0 + 1).verdict());
    }

    @Test
    void everyComparedGuessTakesFromTheBudgetAndARightOneGivesItBack() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        verify(wrongCodeFor(code), T0 + 1);
        verify(wrongCodeFor(code), T0 + 1);
        assertEquals(2, budget.taken);
        verify(code, T0 + 1);
        assertEquals(2, budget.taken);
    }

    @Test
    void entriesThatAreNeverComparedTakeNothingFromTheBudget() {
        verify("123456", T0);
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        verify("", T0 + 1);
        verify("abc", T0 + 1);
        verify(code, T0 + LIFETIME);
        assertEquals(0, budget.taken);
    }

    @Test
    void withTheBudgetUsedUpNothingIsComparedNotEvenTheRightCode() {
        String code = issuer.issue(store, LOGIN, LENGTH, LIFETIME, T0);
        CountingBudget empty = new CountingBudget(0);
        assertEquals(Verdict.BUDGET_EXHAUSTED, verifier.verify(store, LOGIN, code, LENGTH, MAX_ATTEMPTS, T0 + 1, empty).verdict());
        assertEquals(0, store.load().orElseThrow().wrongAttempts(), "an entry that was not compared is not a wrong try");
    }

    @Test
    void macsAreComparedOverTheirWholeLength() {
        byte[] mac = CodeMac.compute(keys.active(), LOGIN, "123456");
        byte[] firstByteDiffers = mac.clone();
        firstByteDiffers[0] ^= 1;
        byte[] lastByteDiffers = mac.clone();
        lastByteDiffers[mac.length - 1] ^= 1;
        assertTrue(CodeMac.matches(mac, mac.clone()));
        assertFalse(CodeMac.matches(mac, firstByteDiffers));
        assertFalse(CodeMac.matches(mac, lastByteDiffers));
        assertFalse(CodeMac.matches(mac, new byte[0]));
    }

    @Test
    void theMacDependsOnKeyLoginAndCode() {
        MacKey key = keys.active();
        byte[] mac = CodeMac.compute(key, LOGIN, "123456");
        assertArrayEquals(mac, CodeMac.compute(new MacKey(key.id(), key.secret().clone()), LOGIN, "123456"));
        assertNotEquals(new String(mac, StandardCharsets.ISO_8859_1),
                new String(CodeMac.compute(key, LOGIN, "123457"), StandardCharsets.ISO_8859_1));
        assertNotEquals(new String(mac, StandardCharsets.ISO_8859_1),
                new String(CodeMac.compute(key, LOGIN + "x", "123456"), StandardCharsets.ISO_8859_1));
        assertNotEquals(new String(mac, StandardCharsets.ISO_8859_1),
                new String(CodeMac.compute(new MacKey("other", "another secret".getBytes(StandardCharsets.UTF_8)), LOGIN, "123456"),
                        StandardCharsets.ISO_8859_1));
    }

    private final CountingBudget budget = new CountingBudget(1000);

    private CodeVerifier.Result verify(String input, long now) {
        return verifier.verify(store, LOGIN, input, LENGTH, MAX_ATTEMPTS, now, budget);
    }

    private static String wrongCodeFor(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    static final class CountingBudget implements GuessBudget {
        private final int capacity;
        int taken;

        CountingBudget(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public boolean tryTake() {
            if (taken == capacity) {
                return false;
            }
            taken++;
            return true;
        }

        @Override
        public void giveBack() {
            taken--;
        }
    }

    static final class MemoryStore implements CodeStore {
        private IssuedCode code;

        @Override
        public Optional<IssuedCode> load() {
            return Optional.ofNullable(code);
        }

        @Override
        public void save(IssuedCode code) {
            this.code = code;
        }

        @Override
        public void clear() {
            code = null;
        }
    }

    static final class RotatingKeys implements MacKeys {
        private final Map<String, MacKey> all = new HashMap<>();
        private MacKey active;
        private int generation;

        RotatingKeys() {
            rotate();
        }

        void rotate() {
            generation++;
            active = new MacKey("kid-" + generation, ("secret-" + generation).getBytes(StandardCharsets.UTF_8));
            all.put(active.id(), active);
        }

        void rotateAndForgetOld() {
            all.clear();
            rotate();
        }

        @Override
        public MacKey active() {
            return active;
        }

        @Override
        public Optional<MacKey> byId(String id) {
            return Optional.ofNullable(all.get(id));
        }
    }
}
