package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

/** A code's life: it expires, a resend replaces it, the cooldown paces resends, wrong tries use it up. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class CodeLifecycleIT extends PortalSignIn {

    /** Moves Keycloak's clock and its caches' (the single-use store's expiry) together; reset after each test. */
    @InjectTimeOffSet(enableForCaches = true)
    TimeOffSet timeOffSet;

    private static final Pattern WAIT_SECONDS = Pattern.compile("Please wait (\\d+) seconds before requesting a new code\\.");

    @Test
    void anExpiredCodeIsRefusedAndAResentCodeWorks() {
        StepConfig.set(realm, Map.of(ConfigProperties.CODE_LIFETIME_SECONDS.key(), "60", ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "expiry");
        String expired = signInAndReceiveCode(user);
        assertEquals("We sent a verification code to e\u2022\u2022\u2022@acme.example. It is valid for 60 seconds.", codePage.sentInfo());

        timeOffSet.set(61);
        codePage.submitCode(expired);
        assertStillOnTheCodePage();
        assertEquals("This code has expired. Request a new code.", codePage.codeError().orElseThrow());

        codePage.resend();
        String fresh = inbox.code(2);
        codePage.submitCode(fresh);
        assertBackAtThePortal();
    }

    @Test
    void aResentCodeReplacesTheOldOne() {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "resend");
        String old = signInAndReceiveCode(user);
        int mails = 1;
        String fresh;
        do {
            // Two random codes are equal once in a million; resend again rather than test nothing.
            codePage.resend();
            fresh = inbox.code(++mails);
        } while (fresh.equals(old) && mails < 4);
        assertNotEquals(old, fresh);
        assertEquals("We sent a new code to r\u2022\u2022\u2022@acme.example. Codes sent earlier no longer work.", codePage.alert().orElseThrow());

        codePage.submitCode(old);
        assertStillOnTheCodePage();
        assertTrue(codePage.codeError().orElseThrow().startsWith("That code is not correct."), codePage.codeError().orElseThrow());
        codePage.submitCode(fresh);
        assertBackAtThePortal();
    }

    @Test
    void theCodePageShowsHowLongUntilANewCodeCanBeRequested() {
        TestUser user = TestUsers.create(realm, "hint");
        signInWithPassword(user);
        choosePage.chooseAddress();
        inbox.message(1);
        String hint = codePage.resendWait().orElseThrow();
        Matcher seconds = Pattern.compile("You can request a new code in (\\d+) seconds\\.").matcher(hint);
        assertTrue(seconds.matches(), hint);
        int left = Integer.parseInt(seconds.group(1));
        assertTrue(left > 0 && left <= 30, hint);
    }

    @Test
    void aResendDuringTheCooldownSendsNothingAndSaysHowLongToWait() {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "5"));
        TestUser user = TestUsers.create(realm, "cooldown");
        String first = signInAndReceiveCode(user);

        codePage.resend();
        assertStillOnTheCodePage();
        Matcher wait = WAIT_SECONDS.matcher(codePage.alert().orElseThrow());
        assertTrue(wait.matches(), codePage.alert().orElseThrow());
        int seconds = Integer.parseInt(wait.group(1));
        assertTrue(seconds >= 1 && seconds <= 5, "wait " + seconds);
        assertTrue(inbox.staysAt(1, 1500), "no mail during the cooldown");

        timeOffSet.set(6);
        codePage.resend();
        String second = inbox.code(2);
        codePage.submitCode(second);
        assertBackAtThePortal();
        assertTrue(first.length() == 6 && second.length() == 6);
    }

    @Test
    void theCooldownHoldsAcrossANewLoginOfTheSameUser() {
        TestUser user = TestUsers.create(realm, "relogin");
        signInWithPassword(user);
        choosePage.chooseAddress();
        inbox.message(1);

        driver.cookies().deleteAll();
        signInWithPassword(user);
        choosePage.chooseAddress();
        choosePage.assertCurrent();
        assertTrue(WAIT_SECONDS.matcher(choosePage.alert().orElseThrow()).matches(), choosePage.alert().orElseThrow());
        assertTrue(inbox.staysAt(1, 1500), "a new login does not reset the cooldown");
    }

    @Test
    void afterMaxAttemptsWrongTriesEvenTheRightCodeIsRefusedUntilANewOneIsSent() {
        // The per-code limit is the step's own; the realm's lockout (it locks after two quick failures) is another test's.
        RealmTweaks.withoutBruteForceDetection(realm);
        StepConfig.set(realm, Map.of(ConfigProperties.MAX_ATTEMPTS.key(), "3", ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "attempts");
        String code = signInAndReceiveCode(user);
        String wrong = differentCode(code);

        codePage.submitCode(wrong);
        assertEquals("That code is not correct. Tries left for this code: 2.", codePage.codeError().orElseThrow());
        codePage.submitCode(wrong);
        assertEquals("That code is not correct. Tries left for this code: 1.", codePage.codeError().orElseThrow());
        codePage.submitCode(wrong);
        assertEquals("That code is not correct, and it was the last try for this code. Request a new code.", codePage.codeError().orElseThrow());

        codePage.submitCode(code);
        assertStillOnTheCodePage();
        assertEquals("There is no valid code for this sign-in any more. Request a new code.", codePage.codeError().orElseThrow());

        codePage.resend();
        codePage.submitCode(inbox.code(2));
        assertBackAtThePortal();
    }
}
