package io.github.spr.emailcode.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.code.CodeUsage;
import io.github.spr.emailcode.code.LoginCode;
import io.github.spr.emailcode.code.MacKey;
import io.github.spr.emailcode.code.MacKeys;
import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.config.EmailCodeConfig;
import io.github.spr.emailcode.limits.UserLimits;
import io.github.spr.emailcode.outcome.Outcome;
import io.github.spr.emailcode.testing.InMemorySingleUseObjects;
import io.github.spr.emailcode.testing.MemoryCodeStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;

class CodeSendingTest {

    private static final long NOW = 1_700_000_000L;
    private static final MacKey KEY = new MacKey("kid", "secret".getBytes(StandardCharsets.UTF_8));

    private final InMemorySingleUseObjects singleUse = new InMemorySingleUseObjects();
    private final EmailCodeConfig config = EmailCodeConfig.from(Map.of(ConfigProperties.SEND_QUOTA.key(), "2"));
    private final UserLimits limits = UserLimits.of(singleUse, "realm", "user", config);
    private final MemoryCodeStore store = new MemoryCodeStore();
    private final LoginCode code = new LoginCode(store, new CodeUsage(singleUse), new OneKey(), new CodeGenerator(),
            "root/tab/user", new LoginCode.Rules(6, 600, 5), limits.wrongCodeBudget());
    private final List<String> mailed = new ArrayList<>();

    @Test
    void aSentCodeTakesACooldownAndAQuotaSlot() {
        assertEquals(Outcome.CODE_SENT, send((code, slots) -> mailed.add(code.plainCode())).outcome());
        assertEquals(1, mailed.size());
        assertTrue(code.isActive());
        assertTrue(limits.cooldown().exhausted());
    }

    @Test
    void aResendDuringTheCooldownSendsNothingAndSaysHowLongToWait() {
        send((code, slots) -> mailed.add(code.plainCode()));
        CodeSending.Result again = new CodeSending(code, limits, (code, slots) -> mailed.add(code.plainCode())).send(true, NOW + 10, singleUse.nowMillis() + 10_000);
        assertEquals(Outcome.RESEND_TOO_SOON, again.outcome());
        assertEquals(20, again.waitSeconds());
        assertEquals(1, mailed.size());
    }

    @Test
    void aMailServerErrorLeavesNoCodeAndGivesEverySlotBack() {
        CodeSending.Result result = send((code, slots) -> {
            throw new EmailException("relay refused");
        });
        assertEquals(Outcome.SEND_FAILED, result.outcome());
        assertNothingTaken();
    }

    @Test
    void anyOtherFailureWhileSendingLeavesNoCodeAndGivesEverySlotBack() {
        CodeSending.Result result = send((code, slots) -> {
            throw new IllegalStateException("executor gone");
        });
        assertEquals(Outcome.SEND_FAILED, result.outcome());
        assertInstanceOf(IllegalStateException.class, result.failure());
        assertNothingTaken();
    }

    @Test
    void aFailureWhileIssuingTheCodeGivesEverySlotBackToo() {
        LoginCode noKeys = new LoginCode(store, new CodeUsage(singleUse), new NoKeys(), new CodeGenerator(), "root/tab/user",
                new LoginCode.Rules(6, 600, 5), limits.wrongCodeBudget());
        CodeSending.Result result = new CodeSending(noKeys, limits, (code, slots) -> mailed.add(code.plainCode())).send(false, NOW, singleUse.nowMillis());
        assertEquals(Outcome.SEND_FAILED, result.outcome());
        assertTrue(mailed.isEmpty());
        assertNothingTaken();
    }

    @Test
    void aCodeSentBeforeAFailedResendNoLongerWorks() {
        send((code, slots) -> mailed.add(code.plainCode()));
        singleUse.advance(31);
        new CodeSending(code, limits, (issued, slots) -> {
            throw new EmailException("relay refused");
        }).send(true, NOW + 31, singleUse.nowMillis());
        assertFalse(code.isActive());
        assertEquals(io.github.spr.emailcode.code.Verdict.Kind.NO_ACTIVE_CODE, code.verify(mailed.get(0), NOW + 32, singleUse.nowMillis()).kind());
    }

    @Test
    void theQuotaRefusesOnceUsedUpAndGivesTheCooldownBack() {
        EmailCodeConfig noCooldown = EmailCodeConfig.from(Map.of(ConfigProperties.SEND_QUOTA.key(), "1",
                ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "10"));
        UserLimits tight = UserLimits.of(singleUse, "realm", "other-user", noCooldown);
        CodeSending sending = new CodeSending(code, tight, (code, slots) -> mailed.add(code.plainCode()));
        assertEquals(Outcome.CODE_SENT, sending.send(false, NOW, singleUse.nowMillis()).outcome());
        singleUse.advance(11);
        CodeSending.Result refused = sending.send(true, NOW + 11, singleUse.nowMillis());
        assertEquals(Outcome.SEND_QUOTA_USED_UP, refused.outcome());
        assertFalse(tight.cooldown().exhausted(), "a refused send holds no cooldown");
    }

    @Test
    void aMailThatFailsAfterTheHandOverEndsTheCodeAndGivesEverySlotBack() {
        List<LoginCode.Issued> handedOver = new ArrayList<>();
        List<List<io.github.spr.emailcode.limits.SlidingWindowLimit.Slot>> slotsTaken = new ArrayList<>();
        assertEquals(Outcome.CODE_SENT, send((issued, slots) -> {
            handedOver.add(issued);
            slotsTaken.add(slots);
        }).outcome());
        assertTrue(limits.cooldown().exhausted(), "held while the mail is on its way");

        // The background sender finds the relay down.
        CodeDelivery.settle(singleUse, handedOver.get(0), slotsTaken.get(0), 600);

        assertTrue(code.mailFailed(), "the login's next page says so");
        assertEquals(io.github.spr.emailcode.code.Verdict.Kind.MAIL_NOT_SENT,
                code.verify(handedOver.get(0).plainCode(), NOW + 1, singleUse.nowMillis()).kind(), "nobody can use it, nor is a try counted");
        assertNothingTaken();
    }

    private CodeSending.Result send(CodeSending.Mail mail) {
        return new CodeSending(code, limits, mail).send(false, NOW, singleUse.nowMillis());
    }

    private void assertNothingTaken() {
        assertFalse(code.isActive(), "no code unless its mail went out");
        assertFalse(limits.cooldown().exhausted(), "the cooldown slot went back");
        assertEquals(0, singleUse.keysContaining(".sends.").stream().filter(k -> !k.endsWith("taken-at")).count(), "the quota slot went back");
    }

    private static final class OneKey implements MacKeys {
        @Override
        public MacKey active() {
            return KEY;
        }

        @Override
        public Optional<MacKey> byId(String id) {
            return Optional.of(KEY).filter(k -> k.id().equals(id));
        }
    }

    /** A realm without an HMAC key: issuing a code fails before any mail is sent. */
    private static final class NoKeys implements MacKeys {
        @Override
        public MacKey active() {
            throw new IllegalStateException("no active HS512 key");
        }

        @Override
        public Optional<MacKey> byId(String id) {
            return Optional.empty();
        }
    }
}
