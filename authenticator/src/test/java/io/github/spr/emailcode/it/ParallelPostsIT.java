package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import io.github.spr.emailcode.page.FormFields;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Many posts at once to one login, as a double-clicking user or a script sends them: every answer is a page (never a
 * 5xx), no more codes are compared than a code allows, a used code is used once, and the send limits hold.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class ParallelPostsIT extends PortalSignIn {

    private static final int BURST = 12;
    /** The race that broke a page showed in about a third of the bursts: several bursts make it show. */
    private static final int BURSTS = 6;
    private static final int MAX_ATTEMPTS = 5;

    @Test
    void wrongCodesPostedAtOnceNeverGiveA5xxNorMoreComparisonsThanTheCodeAllows() {
        RealmTweaks.withoutBruteForceDetection(realm);
        for (int burst = 0; burst < BURSTS; burst++) {
            TestUser user = TestUsers.create(realm, "burst");
            SignIn signIn = signInToCodePage(user);
            String code = inbox.codeTo(user.email(), 1);
            List<Page> answers = signIn.browser.submitAll(signIn.codePage, HttpSignIn.CODE_FORM,
                    Collections.nCopies(BURST, HttpSignIn.validateForm(differentCode(code))));
            assertNoServerError(answers, "burst " + burst);

            long compared = eventsOf(user, "wrong_code");
            assertTrue(compared >= 1 && compared <= MAX_ATTEMPTS, "compared " + compared + " wrong codes in burst " + burst);
            Page afterwards = signIn.browser.get(signIn.codePage.uri().toString());
            Page withTheRightCode = signIn.browser.submit(afterwards, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(code));
            if (compared == MAX_ATTEMPTS) {
                assertEquals(HttpSignIn.CODE_PAGE, withTheRightCode.pageId().orElse("none"), "a voided code stays void");
            } else {
                assertReachedTheClient(withTheRightCode);
            }
        }
    }

    @Test
    void aDoubleClickedWrongCodeDoesNotCostTheLoginItsCode() throws InterruptedException {
        // Brute-force detection as shipped answers "locked" to a user's second request while the first is handled;
        // only its quick-login rule is off, which would lock for real after two compared failures within a second.
        RealmTweaks.withoutQuickLoginLockout(realm);
        for (int burst = 0; burst < BURSTS; burst++) {
            TestUser user = TestUsers.create(realm, "doubleclick");
            SignIn signIn = signInToCodePage(user);
            String code = inbox.codeTo(user.email(), 1);
            List<Page> answers = signIn.browser.submitAll(signIn.codePage, HttpSignIn.CODE_FORM,
                    Collections.nCopies(2, HttpSignIn.validateForm(differentCode(code))));
            assertNoServerError(answers, "burst " + burst);
            answers.forEach(answer -> assertEquals(HttpSignIn.CODE_PAGE, answer.pageId().orElse("none"), answer.body()));
            RealmTweaks.awaitFailures(realm, user.id(), 1);

            Page afterwards = signIn.browser.get(signIn.codePage.uri().toString());
            assertReachedTheClient(signIn.browser.submit(afterwards, HttpSignIn.CODE_FORM, HttpSignIn.validateForm(code)));
        }
    }

    @Test
    void theRightCodePostedAtOnceSignsInOnceAndNeverGivesA5xx() {
        for (int burst = 0; burst < BURSTS; burst++) {
            TestUser user = TestUsers.create(realm, "twins");
            SignIn signIn = signInToCodePage(user);
            List<Page> answers = signIn.browser.submitAll(signIn.codePage, HttpSignIn.CODE_FORM,
                    Collections.nCopies(BURST, HttpSignIn.validateForm(inbox.codeTo(user.email(), 1))));
            assertNoServerError(answers, "burst " + burst);
            long validated = eventsOf(user, "validated");
            assertEquals(1, validated, "the code was accepted once in burst " + burst);
        }
    }

    @Test
    void resendsPostedAtOnceNeverGiveA5xxAndStayWithinTheSendQuota() {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0", ConfigProperties.SEND_QUOTA.key(), "3"));
        TestUser user = TestUsers.create(realm, "resends");
        SignIn signIn = signInToCodePage(user);
        List<Page> answers = signIn.browser.submitAll(signIn.codePage, HttpSignIn.CODE_FORM,
                Collections.nCopies(BURST, HttpSignIn.actionForm(FormFields.RESEND)));
        assertNoServerError(answers, "resends");
        inbox.staysAt(3, 2000); // gives a fourth mail, which must not come, the time to arrive
        assertTrue(inbox.countTo(user.email()) <= 3, "at most the quota of 3 codes, the first one included; got " + inbox.countTo(user.email()));
    }

    private record SignIn(FormBrowser browser, Page codePage) {
    }

    private SignIn signInToCodePage(TestUser user) {
        FormBrowser browser = new FormBrowser();
        HttpSignIn signIn = new HttpSignIn(browser);
        signIn.toChooseAddress(oauth.loginForm().build(), user.email(), user.password());
        Page codePage = signIn.chooseAddress();
        assertEquals(HttpSignIn.CODE_PAGE, signIn.pageId(), codePage.body());
        inbox.codeTo(user.email(), 1);
        return new SignIn(browser, codePage);
    }

    private static void assertNoServerError(List<Page> answers, String when) {
        for (Page answer : answers) {
            assertTrue(answer.status() < 500, when + ": HTTP " + answer.status() + " at " + answer.uri() + "\n" + answer.body());
        }
    }

    private static void assertReachedTheClient(Page page) {
        assertTrue(page.uri().toString().startsWith("http://127.0.0.1:8500/callback/oauth?") && page.uri().toString().contains("code="),
                "redirected to the client with a code: " + page.uri());
    }

    private long eventsOf(TestUser user, String detail) {
        List<EventRepresentation> events = realm.admin().getEvents(null, null, user.id(), null, null, null, 0, 1000);
        return events.stream().filter(e -> e.getDetails() != null && detail.equals(e.getDetails().get("email_code"))).count();
    }
}
