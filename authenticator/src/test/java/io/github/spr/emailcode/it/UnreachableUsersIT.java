package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.UserBuilder;

/** Users who cannot get a code each get their own page, no mail, and no way past the step. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class UnreachableUsersIT extends PortalSignIn {

    @Test
    void aUserWithoutAnEmailAddressIsToldSoAndCannotFinish() {
        // Such accounts come from directories, or were created by an admin who left the address empty.
        String username = "no-mail-" + System.nanoTime();
        realm.addUser(UserBuilder.create().username(username).name("No", "Mail").password(TestUsers.PASSWORD));
        oauth.openLoginForm();
        loginPage.fillLogin(username, TestUsers.PASSWORD);
        loginPage.submit();
        assertUnavailable("Your account has no email address, so we cannot send you a verification code. Please contact your administrator.");
        driver.navigate().refresh();
        assertUnavailable("Your account has no email address, so we cannot send you a verification code. Please contact your administrator.");
        assertTrue(inbox.staysAt(0, 1000));
    }

    @Test
    void anUnverifiedAddressIsRefusedWhenTheStepIsConfiguredSo() {
        StepConfig.set(realm, Map.of(ConfigProperties.ALLOW_UNVERIFIED_EMAIL.key(), "false"));
        TestUser user = unverified("strict");
        oauth.openLoginForm();
        loginPage.fillLogin(user.email(), user.password());
        loginPage.submit();
        assertUnavailable("The email address of your account is not verified, so we cannot send you a verification code. Please contact your administrator.");
        assertTrue(inbox.staysAt(0, 1000));
    }

    @Test
    void byDefaultAnUnverifiedAddressGetsACodeAndIsMarkedVerifiedOnSuccess() {
        TestUser user = unverified("lenient");
        codePage.submitCode(signInAndReceiveCode(user));
        assertBackAtThePortal();
        assertTrue(realm.admin().users().get(user.id()).toRepresentation().isEmailVerified());
    }

    @Test
    void theAddressStaysUnverifiedWhenMarkingIsOff() {
        StepConfig.set(realm, Map.of(ConfigProperties.MARK_EMAIL_VERIFIED.key(), "false"));
        TestUser user = unverified("unmarked");
        codePage.submitCode(signInAndReceiveCode(user));
        assertBackAtThePortal();
        assertFalse(realm.admin().users().get(user.id()).toRepresentation().isEmailVerified());
    }

    @Test
    void anAddressOutsideTheCorporateDomainsIsRefused() {
        StepConfig.set(realm, Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com##corp.acme.com"));
        TestUser user = TestUsers.create(realm, "outside");
        oauth.openLoginForm();
        loginPage.fillLogin(user.email(), user.password());
        loginPage.submit();
        assertUnavailable("Verification codes are only sent to corporate email addresses, and the address of your account is not one. Please contact your administrator.");
        assertTrue(inbox.staysAt(0, 1000));
    }

    @Test
    void anAddressInsideTheCorporateDomainsGetsItsCode() {
        StepConfig.set(realm, Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com##acme.example"));
        TestUser user = TestUsers.create(realm, "inside");
        codePage.submitCode(signInAndReceiveCode(user));
        assertBackAtThePortal();
    }

    @Test
    void fromTheRefusalPageTheUserCanStartOverAsSomeoneElse() {
        StepConfig.set(realm, Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com"));
        TestUser user = TestUsers.create(realm, "restart");
        oauth.openLoginForm();
        loginPage.fillLogin(user.email(), user.password());
        loginPage.submit();
        assertEquals(HttpSignIn.UNAVAILABLE_PAGE, driver.page().getCurrentPageId());
        choosePage.startOver();
        loginPage.assertCurrent();
    }

    private TestUser unverified(String name) {
        TestUser user = TestUsers.create(realm, name);
        UserRepresentation rep = realm.admin().users().get(user.id()).toRepresentation();
        rep.setEmailVerified(false);
        realm.admin().users().get(user.id()).update(rep);
        return user;
    }

    private void assertUnavailable(String message) {
        assertEquals(HttpSignIn.UNAVAILABLE_PAGE, driver.page().getCurrentPageId());
        assertEquals(message, PageAlerts.alert(driver).orElseThrow());
        assertTrue(driver.driver().findElements(org.openqa.selenium.By.id("emailCode")).isEmpty(), "no code field");
    }
}
