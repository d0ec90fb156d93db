package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.page.ErrorPage;

/**
 * A thief with the password against the email step: the realm's lockout, the per-user wrong-code budget and the
 * per-user send quota, across new logins.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class AbuseLimitsIT extends PortalSignIn {

    private static final String LOCKED = "Invalid authenticator code.";
    private static final String ACCOUNT_DISABLED = "Account is disabled, contact your administrator.";

    @InjectPage
    ErrorPage errorPage;

    @Test
    void afterABruteForceLockoutEvenTheRightCodeIsRefused() throws InterruptedException {
        RealmTweaks.lockoutAfter(realm, 3, false);
        TestUser user = TestUsers.create(realm, "locked");
        String code = signInAndReceiveCode(user);
        submitWrongCodes(code, 3);
        RealmTweaks.awaitLocked(realm, user.id());

        codePage.submitCode(code);
        assertStillOnTheCodePage();
        assertEquals(LOCKED, codePage.codeError().orElseThrow());
        codePage.submitCode(code);
        assertEquals(LOCKED, codePage.codeError().orElseThrow());
        assertFalse(driver.getCurrentUrl().contains("code="), "never redirected to the client");
    }

    @Test
    void aLoginThatHitALockoutCannotGoOnGuessingAfterTheLockIsLifted() throws InterruptedException {
        RealmTweaks.lockoutAfter(realm, 3, false);
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "lifted");
        String code = signInAndReceiveCode(user);
        submitWrongCodes(code, 3);
        RealmTweaks.awaitLocked(realm, user.id());
        codePage.submitCode(code);
        assertEquals(LOCKED, codePage.codeError().orElseThrow());

        realm.admin().attackDetection().clearBruteForceForUser(user.id());
        codePage.submitCode(code);
        assertEquals("There is no valid code for this sign-in any more. Request a new code.", codePage.codeError().orElseThrow());
        codePage.resend();
        codePage.submitCode(inbox.code(2));
        assertBackAtThePortal();
    }

    @Test
    void aPermanentLockoutRefusesTheRightCodeWithKeycloaksMessage() throws InterruptedException {
        RealmTweaks.lockoutAfter(realm, 2, true);
        TestUser user = TestUsers.create(realm, "permanent");
        String code = signInAndReceiveCode(user);
        codePage.submitCode(differentCode(code));
        codePage.submitCode(differentCode(code));
        RealmTweaks.awaitLocked(realm, user.id());

        codePage.submitCode(code);
        // A permanent lockout disables the account, and Keycloak itself stops the login before the step runs.
        errorPage.assertCurrent();
        assertEquals(ACCOUNT_DISABLED, errorPage.getError());
        assertFalse(driver.getCurrentUrl().contains("code="), "never redirected to the client");
    }

    @Test
    void wrongCodesCountForTheRealmsBruteForceDetection() {
        RealmTweaks.lockoutAfter(realm, 10, false);
        TestUser user = TestUsers.create(realm, "counted");
        String code = signInAndReceiveCode(user);
        codePage.submitCode(differentCode(code));
        codePage.submitCode(differentCode(code));
        codePage.submitCode("");
        codePage.submitCode("abc");
        long deadline = System.currentTimeMillis() + 5000;
        while (RealmTweaks.failures(realm, user.id()) < 2 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(2, RealmTweaks.failures(realm, user.id()), "two wrong codes, while empty and malformed entries are not guesses");
    }

    @Test
    void theDailyWrongCodeBudgetStopsTheStepAcrossNewLogins() {
        RealmTweaks.withoutBruteForceDetection(realm);
        StepConfig.set(realm, Map.of(ConfigProperties.MAX_WRONG_CODES_PER_DAY.key(), "5", ConfigProperties.MAX_ATTEMPTS.key(), "3",
                ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "budget");
        String first = signInAndReceiveCode(user);
        submitWrongCodes(first, 3);
        codePage.resend();
        String second = inbox.code(2);
        codePage.submitCode(differentCode(second));
        codePage.submitCode(differentCode(second));
        assertTooManyWrongCodesPage();

        driver.cookies().deleteAll();
        oauth.openLoginForm();
        loginPage.fillLogin(user.email(), user.password());
        loginPage.submit();
        assertTooManyWrongCodesPage();
        assertTrue(inbox.staysAt(2, 1500), "no code is sent while the budget is used up");
    }

    @Test
    void theSendQuotaHoldsAcrossNewLogins() {
        StepConfig.set(realm, Map.of(ConfigProperties.SEND_QUOTA.key(), "2", ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "quota");
        signInWithPassword(user);
        choosePage.chooseAddress();
        inbox.message(1);
        codePage.resend();
        inbox.message(2);
        codePage.resend();
        assertStillOnTheCodePage();
        assertTrue(codePage.alert().orElseThrow().matches("Too many codes were requested for your account\\. You can request a new code in \\d+ minutes\\."),
                codePage.alert().orElseThrow());

        driver.cookies().deleteAll();
        signInWithPassword(user);
        choosePage.chooseAddress();
        choosePage.assertCurrent();
        assertTrue(choosePage.alert().orElseThrow().startsWith("Too many codes were requested"), choosePage.alert().orElseThrow());
        assertTrue(inbox.staysAt(2, 1500), "the quota held across the new login");
    }

    private void assertTooManyWrongCodesPage() {
        assertEquals(HttpSignIn.UNAVAILABLE_PAGE, driver.page().getCurrentPageId());
        String alert = PageAlerts.alert(driver).orElseThrow();
        assertTrue(alert.matches("Too many wrong codes were entered for your account\\. .* blocked for up to 24 hours\\..*"), alert);
    }
}
