package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The HTML the server sends for each page of the sign-in: nothing a strict Content-Security-Policy would block,
 * and the code field built for screen readers, phones and password managers.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class PageMarkupIT extends PortalSignIn {

    @Test
    void noPageOfTheSignInHasInlineCode() {
        HttpSignIn signIn = new HttpSignIn(new FormBrowser());
        TestUser user = TestUsers.create(realm, "markup");
        StrictCsp.assertNothingInline(signIn.open(oauth.loginForm().build()).body(), "sign-in page");
        StrictCsp.assertNothingInline(signIn.password(user.email(), user.password()).body(), "verify-identity page");
        StrictCsp.assertNothingInline(signIn.chooseAddress().body(), "code page");
        StrictCsp.assertNothingInline(signIn.enterCode("000000x").body(), "code page with an error");
        RealmTweaks.smtpDown(realm);
        StepConfig.set(realm, Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        signIn.resend();
        Page failed = signIn.awaitRetryPage();
        assertEquals(HttpSignIn.SEND_FAILED_PAGE, failed.pageId().orElseThrow());
        StrictCsp.assertNothingInline(failed.body(), "send-failed page");
    }

    @Test
    void theRefusalPageHasNoInlineCode() {
        StepConfig.set(realm, Map.of(ConfigProperties.ALLOWED_DOMAINS.key(), "acme.com"));
        TestUser user = TestUsers.create(realm, "refusedmarkup");
        Page refused = new HttpSignIn(new FormBrowser()).toChooseAddressOrStop(oauth.loginForm().build(), user.email(), user.password());
        assertEquals(HttpSignIn.UNAVAILABLE_PAGE, refused.pageId().orElseThrow());
        StrictCsp.assertNothingInline(refused.body(), "refusal page");
    }

    @Test
    void theCodeFieldIsLabelledNumericAutofilledAndFocused() {
        Page code = signedInToTheCodePage(TestUsers.create(realm, "field")).page();
        String input = element(code.body(), "input", "emailCode");
        assertTrue(code.body().contains("<label for=\"emailCode\""), "a visible label for the field");
        assertTrue(input.contains("autocomplete=\"one-time-code\""), input);
        assertTrue(input.contains("inputmode=\"numeric\""), input);
        assertTrue(input.contains("autofocus"), input);
        assertTrue(input.contains("aria-invalid=\"false\""), input);
    }

    @Test
    void anErrorIsTiedToTheCodeField() {
        HttpSignIn signIn = signedInToTheCodePage(TestUsers.create(realm, "tied"));
        Page wrong = signIn.enterCode("");
        String input = element(wrong.body(), "input", "emailCode");
        assertTrue(input.contains("aria-invalid=\"true\""), input);
        Matcher describedBy = Pattern.compile("aria-describedby=\"([^\"]+)\"").matcher(input);
        assertTrue(describedBy.find(), input);
        for (String id : describedBy.group(1).split("\\s+")) {
            assertTrue(wrong.body().contains("id=\"" + id + "\""), "aria-describedby points at #" + id);
        }
        assertTrue(describedBy.group(1).contains("input-error-emailCode"));
        assertTrue(element(wrong.body(), "div", "input-error-emailCode").length() > 0);
    }

    @Test
    void thePageLanguageFollowsKeycloaksLocaleSelection() {
        FormBrowser browser = new FormBrowser();
        Page login = browser.get(oauth.loginForm().param("ui_locales", "ja").build());
        assertTrue(login.body().contains("<html") && login.body().contains("lang=\"ja\""), "ui_locales=ja gives a Japanese page");
        assertTrue(login.body().contains("安全にサインイン"), "the button in Japanese");
    }

    private HttpSignIn signedInToTheCodePage(TestUser user) {
        HttpSignIn signIn = new HttpSignIn(new FormBrowser());
        signIn.toChooseAddress(oauth.loginForm().build(), user.email(), user.password());
        signIn.chooseAddress();
        return signIn;
    }

    private static String element(String html, String tag, String id) {
        Matcher matcher = Pattern.compile("<" + tag + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "no <" + tag + " id=" + id + ">");
        return matcher.group();
    }
}
