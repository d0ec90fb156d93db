package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.it.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectPage;

/** When the mail cannot go out, the login's next page says so and offers a retry, and nothing is counted. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class MailFailureIT extends PortalSignIn {

    @InjectPage
    SendFailedPage sendFailedPage;

    @Test
    void withSmtpDownTheUserGetsARetryPageAndTheSameLoginSucceedsOnceSmtpIsBack() {
        RealmTweaks.smtpDown(realm);
        TestUser user = TestUsers.create(realm, "smtp");
        signInWithPassword(user);
        choosePage.chooseAddress();
        codePage.assertCurrent(); // the page does not wait for the mail server

        awaitTheRetryPage();
        assertEquals("We could not send the verification code. Please try again in a moment.", PageAlerts.alert(driver).orElseThrow());
        sendFailedPage.tryAgain();
        awaitTheRetryPage();
        assertEquals(0, inbox.count());
        assertEquals(0, RealmTweaks.failures(realm, user.id()), "a failed send is no failed login");

        RealmTweaks.smtpBack(realm);
        sendFailedPage.tryAgain();
        codePage.assertCurrent();
        codePage.submitCode(inbox.code(1));
        assertBackAtThePortal();
    }
}
