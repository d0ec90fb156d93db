package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.webdriver.BrowserType;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in in real, headless Chromium, under a strict Content-Security-Policy: every page is photographed
 * (target/screenshots, or docs/screenshots with -Dspr.screenshots.dir) and checked with axe-core.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class ChromeSignInBrowserIT extends PortalSignIn {

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(375, 812);

    @InjectPage
    SendFailedPage sendFailedPage;

    @InjectPage
    RefusalPage refusalPage;

    @BeforeEach
    void chromiumWithAStrictPolicy() {
        Assumptions.assumeTrue(driver.getBrowserType() == BrowserType.CHROME,
                "a real-browser test: it runs in the failsafe execution that starts Chromium");
        realm.updateWithCleanup(r -> r.update(rep -> {
            Map<String, String> headers = new HashMap<>(rep.getBrowserSecurityHeaders());
            headers.put("contentSecurityPolicy", StrictCsp.POLICY);
            rep.setBrowserSecurityHeaders(headers);
        }));
    }

    @Test
    void theWholeSignInOnADesktop() {
        signInTakingPictures(DESKTOP, "desktop");
    }

    @Test
    void theWholeSignInOnAPhone() {
        signInTakingPictures(PHONE, "phone");
    }

    @Test
    void theResendButtonCountsDownAndThenWorks() {
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "5"));
        web().manage().window().setSize(DESKTOP);
        signInWithPassword(TestUsers.create(realm, "countdown"));
        choosePage.chooseAddress();
        codePage.assertCurrent();
        var resend = web().findElement(By.id("email-code-resend"));
        assertFalse(resend.isEnabled(), "disabled while the cooldown runs");
        assertTrue(resend.getText().matches("Resend code \\([1-5] s\\)"), resend.getText());
        new WebDriverWait(web(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("email-code-resend")).isEnabled());
        assertEquals("Resend code", web().findElement(By.id("email-code-resend")).getText());
        codePage.resend();
        codePage.assertCurrent();
        inbox.message(2);
    }

    @Test
    void theKeyboardAloneIsEnough() {
        web().manage().window().setSize(DESKTOP);
        TestUser user = TestUsers.create(realm, "keyboard");
        oauth.openLoginForm();
        loginPage.assertCurrent();
        Actions keys = new Actions(web());
        keys.sendKeys(user.email()).sendKeys(Keys.TAB).sendKeys(user.password()).sendKeys(Keys.ENTER).perform();
        choosePage.assertCurrent();
        tabUntilFocused("email-code-send");
        new Actions(web()).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(web(), Duration.ofSeconds(10)).until(d -> "emailCode".equals(activeElementId()));
        codePage.assertCurrent();
        assertEquals("emailCode", activeElementId(), "the code field has the focus");
        new Actions(web()).sendKeys(inbox.code(1)).sendKeys(Keys.ENTER).perform();
        assertBackAtThePortal();
    }

    @Test
    void theRefusalAndErrorPagesAreAccessible() {
        web().manage().window().setSize(DESKTOP);

        RealmTweaks.smtpDown(realm);
        signInWithPassword(TestUsers.create(realm, "nosmtp"));
        choosePage.chooseAddress();
        awaitTheRetryPage();
        sendFailedPage.assertCurrent();
        photographAndCheck("desktop-error-send-failed");
        RealmTweaks.smtpBack(realm);

        web().manage().deleteAllCookies();
        StepConfig.set(realm, Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com"));
        oauth.openLoginForm();
        TestUser outsider = TestUsers.create(realm, "outsider");
        loginPage.fillLogin(outsider.email(), outsider.password());
        loginPage.submit();
        refusalPage.assertCurrent();
        photographAndCheck("desktop-error-not-corporate");
    }

    @Test
    void theLockoutMessageIsAccessible() throws InterruptedException {
        web().manage().window().setSize(DESKTOP);
        RealmTweaks.lockoutAfter(realm, 1, false);
        TestUser user = TestUsers.create(realm, "lockpic");
        String code = signInAndReceiveCode(user);
        codePage.submitCode(differentCode(code));
        RealmTweaks.awaitLocked(realm, user.id());
        codePage.submitCode(code);
        assertEquals("Invalid authenticator code.", codePage.codeError().orElseThrow());
        photographAndCheck("desktop-error-locked");
    }

    @Test
    void theCodeEmailReadsWellOnADesktopAndAPhone() throws Exception {
        TestUser user = TestUsers.create(realm, "mailpic");
        web().manage().window().setSize(DESKTOP);
        signInWithPassword(user);
        choosePage.chooseAddress();
        MimeMessage message = inbox.message(1);
        String html = Inbox.html(message);
        assertFalse(message.getSubject().contains(Inbox.codeIn(message)), "the subject does not carry the code");
        web().get("data:text/html;charset=utf-8;base64," + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(web().getPageSource().contains(Inbox.codeIn(message)));
        Screenshots.save(web(), "desktop-email");
        Axe.assertNoSeriousOrCriticalViolations(web(), "email-html");
        web().manage().window().setSize(PHONE);
        Screenshots.save(web(), "phone-email");
        assertNoSidewaysScrolling("email on a phone");
    }

    private void signInTakingPictures(Dimension size, String prefix) {
        web().manage().window().setSize(size);
        TestUser user = TestUsers.create(realm, "jane");
        oauth.openLoginForm();
        loginPage.assertCurrent();
        assertEquals("Secure Sign-In", web().findElement(By.id("kc-login")).getText());
        photographAndCheck(prefix + "-1-sign-in");

        loginPage.fillLogin(user.email(), user.password());
        loginPage.submit();
        choosePage.assertCurrent();
        photographAndCheck(prefix + "-2-verify-identity");

        choosePage.chooseAddress();
        codePage.assertCurrent();
        String code = inbox.code(1);
        photographAndCheck(prefix + "-3-enter-code");

        codePage.submitCode(differentCode(code));
        codePage.assertCurrent();
        assertEquals("true", codePage.codeInput().getAttribute("aria-invalid"));
        assertTrue(codePage.codeInput().getAttribute("aria-describedby").contains("input-error-emailCode"));
        photographAndCheck(prefix + "-4-wrong-code");

        codePage.submitCode(code);
        assertBackAtThePortal();
    }

    private void photographAndCheck(String name) {
        Screenshots.save(web(), name);
        StrictCsp.assertNothingInline(web().getPageSource(), name);
        assertNoSidewaysScrolling(name);
        Axe.assertNoSeriousOrCriticalViolations(web(), name);
    }

    private void assertNoSidewaysScrolling(String page) {
        Object fits = ((JavascriptExecutor) web()).executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertEquals(Boolean.TRUE, fits, page + " is wider than the window");
    }

    private void tabUntilFocused(String id) {
        for (int i = 0; i < 15 && !id.equals(activeElementId()); i++) {
            new Actions(web()).sendKeys(Keys.TAB).perform();
        }
        assertEquals(id, activeElementId(), "reachable with the Tab key");
    }

    private String activeElementId() {
        return String.valueOf(((JavascriptExecutor) web()).executeScript("return document.activeElement && document.activeElement.id;"));
    }

    private WebDriver web() {
        return driver.driver();
    }
}
