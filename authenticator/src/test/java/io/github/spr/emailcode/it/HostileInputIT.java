package io.github.spr.emailcode.it;

import io.github.spr.emailcode.page.FormFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * What a careless user or an attacker can post at the step, seen at the HTTP level: every answer is a page
 * (never a 5xx), nothing posted comes back unescaped, and nothing gets past the step without the right code.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class HostileInputIT extends PortalSignIn {

    private static final String SCRIPT = "<script>alert('pwned')</script>";
    private FormBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new FormBrowser();
    }

    @Test
    void junkInTheCodeFieldGetsTheCodePageBackAndNeverA5xx() {
        RealmTweaks.withoutBruteForceDetection(realm);
        Page page = codePage(TestUsers.create(realm, "junk"));
        List<String> junk = List.of("", "   ", "abcdef", "1".repeat(10_000), SCRIPT, "\u0661\u0662\u0663",
                "12345\u0000", "%00", "' OR '1'='1", "\uD83D\uDE00\uD83D\uDE00", "12 34 56 78 90 12", "-1", "1e6");
        for (String entry : junk) {
            page = browser.submit(page, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(entry));
            assertOnCodePage(page, "after posting " + abbreviate(entry));
            assertFalse(page.body().contains(SCRIPT), "posted markup is never reflected");
            assertFalse(page.body().contains("1".repeat(100)), "posted input is never echoed");
        }
    }

    @Test
    void manyPostsInARowEachGetAPage() {
        Page page = codePage(TestUsers.create(realm, "flood"));
        for (int i = 0; i < 40; i++) {
            page = browser.submit(page, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(""));
            assertOnCodePage(page, "post " + i);
        }
        page = browser.submit(page, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(inbox.code(1)));
        assertBackAtTheClient(page);
    }

    @Test
    void unknownOrMissingActionsAreTreatedAsAValidationAndBypassNothing() {
        Page page = codePage(TestUsers.create(realm, "actions"));
        page = browser.submit(page, HttpSignIn.CODE_FORM, HttpSignIn.actionForm("skip"));
        assertOnCodePage(page, "unknown action");
        page = browser.submit(page, HttpSignIn.CODE_FORM, Map.of());
        assertOnCodePage(page, "no fields at all");
        page = browser.submit(page, HttpSignIn.CODE_FORM, Map.of(FormFields.ACTION, SCRIPT, FormFields.CODE, SCRIPT));
        assertOnCodePage(page, "markup as action");
        assertFalse(page.body().contains(SCRIPT));
    }

    @Test
    void fullWidthDigitsOfTheRightCodeAreAccepted() {
        Page page = codePage(TestUsers.create(realm, "wide"));
        StringBuilder wide = new StringBuilder();
        for (char c : inbox.code(1).toCharArray()) {
            wide.append((char) ('\uFF10' + (c - '0')));
        }
        assertBackAtTheClient(browser.submit(page, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(wide.toString())));
    }

    @Test
    void aReplayedOldFormNeitherBreaksNorBypassesNorSendsAgain() {
        TestUser user = TestUsers.create(realm, "replay");
        HttpSignIn signIn = new HttpSignIn(browser);
        Page choose = signIn.toChooseAddress(oauth.loginForm().build(), user.email(), user.password());
        Page code = signIn.chooseAddress();
        String sent = inbox.code(1);

        Page replayedSend = browser.submit(choose, HttpSignIn.CHOOSE_FORM, HttpSignIn.actionForm(FormFields.SEND));
        assertTrue(replayedSend.status() < 500, "status " + replayedSend.status());
        assertTrue(inbox.staysAt(1, 1000), "a replayed address click sends no second mail");

        Page wrong = browser.submit(code, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(differentCode(sent)));
        assertOnCodePage(wrong, "a wrong code");
        // The first code page's form is stale now: Keycloak sends the browser back to the step instead of running it.
        Page replayed = browser.submit(code, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(sent));
        assertOnCodePage(replayed, "a replayed form");
        assertBackAtTheClient(browser.submit(replayed, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(sent)));
    }

    @Test
    void aSecondTabOfTheSameLoginCannotUseTheFirstTabsCode() {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "tabs");
        Page firstTab = codePage(user);
        String firstCode = inbox.code(1);

        Page secondTab = browser.get(oauth.loginForm().build());
        assertTrue(secondTab.status() < 500);
        if (secondTab.pageId().orElse("").equals(HttpSignIn.LOGIN_PAGE)) {
            secondTab = browser.submit(secondTab, HttpSignIn.LOGIN_FORM, Map.of("username", user.email(), "password", user.password()));
        }
        assertEquals(HttpSignIn.CHOOSE_PAGE, secondTab.pageId().orElseThrow(), "the second tab has its own step");
        Page stolen = browser.submit(secondTab, HttpSignIn.CHOOSE_FORM, HttpSignIn.validateForm(firstCode));
        assertOnCodePage(stolen, "the first tab's code in the second tab");
        assertTrue(stolen.body().contains("There is no valid code for this sign-in any more."), "refused: " + stolen.body());

        assertBackAtTheClient(browser.submit(firstTab, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(firstCode)));
    }

    @Test
    void theBackButtonAfterSuccessGivesAPageNotAnErrorAndTheCodeIsUsedUp() {
        Page code = codePage(TestUsers.create(realm, "back"));
        String sent = inbox.code(1);
        assertBackAtTheClient(browser.submit(code, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(sent)));

        Page again = browser.submit(code, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(sent));
        assertTrue(again.status() < 500, "status " + again.status() + " at " + again.uri());
    }

    @Test
    void aValidationPostedBeforeAnyCodeWasSentIsRefused() {
        TestUser user = TestUsers.create(realm, "early");
        Page choose = new HttpSignIn(browser).toChooseAddress(oauth.loginForm().build(), user.email(), user.password());
        Page page = browser.submit(choose, HttpSignIn.CHOOSE_FORM, HttpSignIn.validateForm("000000"));
        for (String guess : List.of("123456", "999999", "000001")) {
            assertOnCodePage(page, "before guess " + guess);
            assertTrue(page.body().contains("There is no valid code for this sign-in any more."), page.body());
            page = browser.submit(page, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(guess));
        }
        assertOnCodePage(page, "after the last guess");
        assertTrue(inbox.staysAt(0, 500));
    }

    @Test
    void aCodeFromBeforeAFailedResendNoLongerWorks() {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        Page code = codePage(TestUsers.create(realm, "failedresend"));
        String sent = inbox.code(1);
        RealmTweaks.smtpDown(realm);
        Page resent = browser.submit(code, HttpSignIn.CODE_FORM, HttpSignIn.actionForm(FormFields.RESEND));
        assertOnCodePage(resent, "a resend: its mail goes out in the background");
        Page failed = new HttpSignIn(browser).at(resent).awaitRetryPage();
        Page refused = browser.submit(failed, HttpSignIn.RETRY_FORM, HttpSignIn.validateForm(sent));
        assertOnCodePage(refused, "old code after a failed resend");
        assertTrue(refused.body().contains("There is no valid code for this sign-in any more."), refused.body());
    }

    private Page codePage(TestUser user) {
        HttpSignIn signIn = new HttpSignIn(browser);
        signIn.toChooseAddress(oauth.loginForm().build(), user.email(), user.password());
        Page code = signIn.chooseAddress();
        assertOnCodePage(code, "after sending");
        return code;
    }

    private static void assertOnCodePage(Page page, String when) {
        assertEquals(200, page.status(), when + ": " + page.uri());
        assertEquals(HttpSignIn.CODE_PAGE, page.pageId().orElse("none"), when + ": " + page.body());
    }

    private static void assertBackAtTheClient(Page page) {
        assertEquals(200, page.status());
        assertTrue(page.uri().toString().startsWith("http://127.0.0.1:8500/callback/oauth?") && page.uri().toString().contains("code="),
                "redirected to the client with a code: " + page.uri());
    }

    private static String abbreviate(String entry) {
        return entry.length() > 20 ? entry.substring(0, 20) + "... (" + entry.length() + " chars)" : entry;
    }
}
