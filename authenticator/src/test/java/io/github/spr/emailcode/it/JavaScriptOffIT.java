package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/** With JavaScript switched off, the whole sign-in still works: every page is a plain HTML form. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class JavaScriptOffIT extends PortalSignIn {

    private HtmlUnitDriver noScript;

    @BeforeEach
    void browserWithoutJavaScript() {
        noScript = new HtmlUnitDriver(false);
    }

    @AfterEach
    void closeIt() {
        noScript.quit();
    }

    @Test
    void theSignInWorksWithoutJavaScript() {
        TestUser user = TestUsers.create(realm, "noscript");
        noScript.get(oauth.loginForm().build());
        noScript.findElement(By.id("username")).sendKeys(user.email());
        noScript.findElement(By.id("password")).sendKeys(user.password());
        noScript.findElement(By.id("kc-login")).click();
        assertEquals("Verify your identity", noScript.findElement(By.id("kc-page-title")).getText().trim());

        noScript.findElement(By.id("email-code-send")).click();
        assertTrue(noScript.findElement(By.id("email-code-resend-wait")).getText().startsWith("You can request a new code in"),
                "without the countdown script the page still says how long to wait");
        assertTrue(noScript.findElement(By.id("email-code-resend")).isEnabled());

        noScript.findElement(By.id("email-code-resend")).click();
        assertTrue(noScript.findElement(By.cssSelector(".pf-v5-c-alert__title")).getText().startsWith("Please wait"),
                "an early resend is refused by the server, with a message");
        assertEquals(1, inbox.count());

        noScript.findElement(By.id("emailCode")).sendKeys(inbox.code(1));
        noScript.findElement(By.id("email-code-validate")).click();
        assertTrue(noScript.getCurrentUrl().startsWith("http://127.0.0.1:8500/callback/oauth?") && noScript.getCurrentUrl().contains("code="),
                noScript.getCurrentUrl());
    }

    @Test
    void theLanguageCanBeChangedWithoutJavaScript() {
        TestUser user = TestUsers.create(realm, "sprachwahl");
        noScript.get(oauth.loginForm().build());
        noScript.findElement(By.cssSelector("#spr-locale-list a[lang='de']")).click();
        assertEquals("Sicher anmelden", noScript.findElement(By.id("kc-login")).getText().trim());
        noScript.findElement(By.id("username")).sendKeys(user.email());
        noScript.findElement(By.id("password")).sendKeys(user.password());
        noScript.findElement(By.id("kc-login")).click();
        assertEquals("Identität bestätigen", noScript.findElement(By.id("kc-page-title")).getText().trim());
        assertEquals("de", noScript.findElement(By.tagName("html")).getAttribute("lang"));
    }
}
