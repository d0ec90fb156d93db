package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.it.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;

/** When the mail cannot go out, the login waits with a clear page and a retry, and nothing is counted. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class MailFailureIT extends PortalSignIn {

    @Test
    void withSmtpDownTheUserGetsARetryPageAndTheSameLoginSucceedsOnceSmtpIsBack() {
        RealmTweaks.smtpDown(realm);
        TestUser user = TestUsers.create(realm, "smtp");
        signInWithPassword(user);
        choosePage.chooseAddress();

        assertEquals("login-email-code-send-failed", driver.page().getCurrentPageId());
        assertEquals("We could not send the verification code. Please try again in a moment.", PageAlerts.alert(driver).orElseThrow());
        driver.findElement(By.id("email-code-retry")).click();
        assertEquals("login-email-code-send-failed", driver.page().getCurrentPageId(), "still down: the same page again");
        assertEquals(0, inbox.count());
        assertEquals(0, RealmTweaks.failures(realm, user.id()), "a failed send is no failed login");

        RealmTweaks.smtpBack(realm);
        driver.findElement(By.id("email-code-retry")).click();
        codePage.assertCurrent();
        codePage.submitCode(inbox.code(1));
        assertBackAtThePortal();
    }
}
