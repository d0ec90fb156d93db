package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** A code belongs to the login it was sent for, and the user can always start over. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class LoginBindingIT extends PortalSignIn {

    @Test
    void aCodeFromOneLoginIsRefusedInAnotherLoginOfTheSameUser() {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = TestUsers.create(realm, "twice");
        String fromFirstLogin = signInAndReceiveCode(user);

        driver.cookies().deleteAll();
        signInWithPassword(user);
        choosePage.chooseAddress();
        String fromSecondLogin = inbox.code(2);

        codePage.submitCode(fromFirstLogin);
        assertStillOnTheCodePage();
        assertTrue(codePage.codeError().orElseThrow().startsWith("That code is not correct."), codePage.codeError().orElseThrow());
        codePage.submitCode(fromSecondLogin);
        assertBackAtThePortal();
    }

    @Test
    void aCodeSentForAnotherLoginIsRefusedBeforeThisLoginSentOne() {
        TestUser user = TestUsers.create(realm, "early");
        String fromFirstLogin = signInAndReceiveCode(user);

        driver.cookies().deleteAll();
        TestUser other = TestUsers.create(realm, "other");
        signInWithPassword(other);
        choosePage.chooseAddress();
        inbox.message(2);
        codePage.submitCode(fromFirstLogin);
        assertStillOnTheCodePage();
        assertTrue(codePage.codeError().orElseThrow().startsWith("That code is not correct."), codePage.codeError().orElseThrow());
    }

    @Test
    void signInAsAnotherUserStartsOverFromTheCodePage() {
        TestUser first = TestUsers.create(realm, "first");
        TestUser second = TestUsers.create(realm, "second");
        signInWithPassword(first);
        choosePage.chooseAddress();
        inbox.message(1);

        codePage.startOver();
        loginPage.assertCurrent();
        loginPage.fillLogin(second.email(), second.password());
        loginPage.submit();
        choosePage.assertCurrent();
        assertEquals("s\u2022\u2022\u2022@acme.example", choosePage.address());
        choosePage.chooseAddress();
        // By recipient: GreenMail lists mails grouped by mailbox, not in the order they arrived.
        String code = inbox.codeTo(second.email(), 1);
        assertEquals(2, inbox.count(), "one mail each");
        codePage.submitCode(code);
        assertBackAtThePortal();
    }

    @Test
    void signInAsAnotherUserStartsOverFromTheAddressPage() {
        TestUser user = TestUsers.create(realm, "undecided");
        signInWithPassword(user);
        choosePage.startOver();
        loginPage.assertCurrent();
        assertTrue(inbox.staysAt(0, 1000));
    }
}
