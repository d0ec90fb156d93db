package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser sign-in test works with: the shipped portal realm, GreenMail, a browser with no cookies from
 * earlier tests, and the pages of the step.
 */
abstract class PortalSignIn {

    @InjectRealm(config = ShippedPortalRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectOAuthClient(config = TestAppWithoutSideDoors.class)
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    ChooseAddressPage choosePage;

    @InjectPage
    EnterCodePage codePage;

    Inbox inbox;

    @BeforeEach
    void freshBrowser() {
        // The web driver lives for the whole run; without this, the SSO cookie of the previous test skips the login.
        driver.open(realm.getBaseUrl());
        driver.cookies().deleteAll();
        TestUsers.newTest();
        inbox = new Inbox(mailServer);
    }

    /** The codes this test mailed, for ServerLogKeepsSecretsIT to look for in the server log once the suite is over. */
    @AfterEach
    void writeDownTheCodesThisTestMailed() {
        if (inbox != null) {
            inbox.allCodes().forEach(SuiteSecrets::code);
        }
    }

    /** Opens the portal's login, enters email and password, and lands on "Verify your identity". */
    void signInWithPassword(TestUser user) {
        oauth.openLoginForm();
        loginPage.fillLogin(user.email(), user.password());
        loginPage.submit();
        choosePage.assertCurrent();
    }

    /** Password, then a click on the address: the code this login's email carries. */
    String signInAndReceiveCode(TestUser user) {
        int mailsBefore = inbox.count();
        signInWithPassword(user);
        choosePage.chooseAddress();
        codePage.assertCurrent();
        return inbox.code(mailsBefore + 1);
    }

    /**
     * The code is mailed in the background, so a mail that cannot be sent shows on the login's next page: reloads
     * until the page says so, as a user who waits in vain for the mail would (at most 10 seconds).
     */
    void awaitTheRetryPage() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!HttpSignIn.SEND_FAILED_PAGE.equals(driver.findElement(By.tagName("body")).getAttribute("data-page-id"))) {
            assertTrue(System.nanoTime() < deadline, "the retry page did not come within 10 seconds");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            driver.navigate().refresh();
        }
    }

    void submitWrongCodes(String code, int times) {
        for (int i = 0; i < times; i++) {
            codePage.submitCode(differentCode(code));
        }
    }

    void assertBackAtThePortal() {
        // The framework waits 5 seconds for the redirect; a 2-core machine under a full build can take longer.
        try {
            new WebDriverWait(driver.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:8500/callback"));
        } catch (TimeoutException notThere) {
            // parseLoginResponse below reports where the browser is instead.
        }
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertTrue(response.isSuccess(), "redirected to the client with an authorization code, error=" + response.getError());
    }

    void assertStillOnTheCodePage() {
        codePage.assertCurrent();
        assertTrue(driver.getCurrentUrl().startsWith(realm.getBaseUrl()), driver.getCurrentUrl());
    }

    static String differentCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
