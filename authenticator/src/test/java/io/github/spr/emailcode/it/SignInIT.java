package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.TestUsers.TestUser;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

/** The portal's sign-in, step by step, as a user does it in a browser. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class SignInIT extends PortalSignIn {

    @Test
    void theRightCodeFromTheEmailEndsInATokenForTheUser() {
        TestUser user = TestUsers.create(realm, "alice");
        signInWithPassword(user);
        choosePage.chooseAddress();
        codePage.assertCurrent();
        codePage.submitCode(inbox.code(1));

        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertTrue(response.isSuccess(), "redirected back with an authorization code");
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());
        assertTrue(tokens.isSuccess(), tokens.getErrorDescription());
        AccessToken token = oauth.parseToken(tokens.getAccessToken(), AccessToken.class);
        assertEquals(user.id(), token.getSubject());
        assertEquals(user.email(), token.getEmail());
    }

    @Test
    void theLoginButtonReadsSecureSignIn() {
        oauth.openLoginForm();
        loginPage.assertCurrent();
        assertEquals("Secure Sign-In", driver.findElement(org.openqa.selenium.By.id("kc-login")).getText().trim());
    }

    @Test
    void afterThePasswordTheUserSeesTheMaskedAddressUnderVerifyYourIdentity() {
        TestUser user = TestUsers.create(realm, "bob");
        signInWithPassword(user);
        assertEquals("Verify your identity", choosePage.title());
        assertEquals("b\u2022\u2022\u2022@acme.example", choosePage.address());
        assertFalse(driver.page().getPageSource().contains(user.email()), "the full address is not on the page");
    }

    @Test
    void nothingIsMailedBeforeTheAddressIsClickedNotEvenOnReload() {
        TestUser user = TestUsers.create(realm, "carol");
        signInWithPassword(user);
        driver.navigate().refresh();
        choosePage.assertCurrent();
        driver.navigate().refresh();
        choosePage.assertCurrent();
        assertTrue(inbox.staysAt(0, 2000), "no mail before the click");

        choosePage.chooseAddress();
        codePage.assertCurrent();
        inbox.message(1);
        assertEquals(1, inbox.count());
    }

    @Test
    void reloadingTheCodePageSendsNoSecondMail() {
        TestUser user = TestUsers.create(realm, "dave");
        String code = signInAndReceiveCode(user);
        driver.navigate().refresh();
        codePage.assertCurrent();
        assertTrue(inbox.staysAt(1, 2000), "a reload sends nothing");
        codePage.submitCode(code);
        assertBackAtThePortal();
    }

    @Test
    void theCodePageSaysWhereTheCodeWentAndHowLongItIsValid() {
        TestUser user = TestUsers.create(realm, "erin");
        signInWithPassword(user);
        choosePage.chooseAddress();
        codePage.assertCurrent();
        assertEquals("Verify your identity", codePage.title());
        assertEquals("We sent a verification code to e\u2022\u2022\u2022@acme.example. It is valid for 10 minutes.", codePage.sentInfo());
        assertEquals("Validate Code", codePage.validateButtonText());
    }

    @Test
    void theEmailCarriesTheCodeAndItsLifetimeButTheSubjectDoesNot() throws Exception {
        TestUser user = TestUsers.create(realm, "frank");
        signInWithPassword(user);
        choosePage.chooseAddress();
        MimeMessage message = inbox.message(1);
        String code = Inbox.codeIn(message);

        assertEquals(user.email(), message.getAllRecipients()[0].toString());
        assertEquals("Your verification code for Package Room Portal", message.getSubject());
        assertFalse(message.getSubject().contains(code));
        assertTrue(Inbox.plainText(message).contains("valid for 10 minutes"), Inbox.plainText(message));
        assertTrue(Inbox.html(message).contains(code));
        assertTrue(Inbox.html(message).contains("valid for 10 minutes"));
    }

    @Test
    void aGermanUserGetsTheEmailAndPagesInGerman() throws Exception {
        TestUser user = TestUsers.create(realm, "greta", "de");
        signInWithPassword(user);
        assertEquals("Identität bestätigen", choosePage.title());
        choosePage.chooseAddress();
        MimeMessage message = inbox.message(1);
        assertEquals("Ihr Bestätigungscode für Package Room Portal", message.getSubject());
        assertTrue(Inbox.plainText(message).contains("10 Minuten gültig"), Inbox.plainText(message));
        codePage.assertCurrent();
        assertEquals("Code prüfen", codePage.validateButtonText());
    }

    @Test
    void aWrongCodeGivesAMessageOnTheSamePageAndTheRightCodeStillWorks() {
        TestUser user = TestUsers.create(realm, "heidi");
        String code = signInAndReceiveCode(user);

        codePage.submitCode(differentCode(code));
        assertStillOnTheCodePage();
        assertEquals("That code is not correct. Tries left for this code: 4.", codePage.codeError().orElseThrow());
        assertEquals("true", codePage.codeInput().getAttribute("aria-invalid"));

        codePage.submitCode(code);
        assertBackAtThePortal();
    }

    @Test
    void aCodeWithASpaceInTheMiddleIsAccepted() {
        signInWithCodeTypedAs(code -> code.substring(0, 3) + " " + code.substring(3));
    }

    @Test
    void aCodeWithAHyphenInTheMiddleIsAccepted() {
        signInWithCodeTypedAs(code -> code.substring(0, 3) + "-" + code.substring(3));
    }

    @Test
    void aCodeWithStraySpacesAroundIsAccepted() {
        signInWithCodeTypedAs(code -> "  " + code + "  ");
    }

    @Test
    void aPastedCodeSubmittedWithEnterIsAccepted() {
        TestUser user = TestUsers.create(realm, "ivan");
        codePage.submitCodeWithEnter(signInAndReceiveCode(user));
        assertBackAtThePortal();
    }

    @Test
    void anEmptyOrNonNumericEntryIsExplainedAndNotCountedAsATry() {
        TestUser user = TestUsers.create(realm, "judy");
        String code = signInAndReceiveCode(user);

        codePage.submitCode("");
        assertEquals("Enter the code from the email.", codePage.codeError().orElseThrow());
        codePage.submitCode("12ab56");
        assertEquals("Enter the 6-digit code from the email.", codePage.codeError().orElseThrow());
        codePage.submitCode(differentCode(code));
        assertEquals("That code is not correct. Tries left for this code: 4.", codePage.codeError().orElseThrow());
    }

    private void signInWithCodeTypedAs(java.util.function.UnaryOperator<String> typing) {
        TestUser user = TestUsers.create(realm, "kim");
        signInWithPassword(user);
        choosePage.chooseAddress();
        codePage.submitCode(typing.apply(inbox.code(1)));
        assertBackAtThePortal();
    }

}
