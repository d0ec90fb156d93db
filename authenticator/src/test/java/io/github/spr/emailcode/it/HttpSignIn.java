package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.page.FormFields;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The portal's sign-in over plain HTTP, one method per thing a user does: open the login, enter the password, click
 * the address, enter a code, ask for a new one. Each returns the page the server answered with and remembers it,
 * so the next step posts that page's form. Real-server tests, the compatibility matrix, the cluster test and the
 * container tests all sign in through it.
 */
public final class HttpSignIn {

    /** The {@code data-page-id} of each page the sign-in passes. */
    public static final String LOGIN_PAGE = "login-login";
    public static final String CHOOSE_PAGE = "login-email-code-choose";
    public static final String CODE_PAGE = "login-email-code-form";
    public static final String SEND_FAILED_PAGE = "login-email-code-send-failed";
    public static final String UNAVAILABLE_PAGE = "login-email-code-unavailable";

    /** The {@code id} of each form the sign-in posts. */
    public static final String LOGIN_FORM = "kc-form-login";
    public static final String CHOOSE_FORM = "email-code-choose-form";
    public static final String CODE_FORM = "email-code-form";
    public static final String RETRY_FORM = "email-code-retry-form";

    /** The verifier that belongs to the challenge {@link #portalAuthorizationUrl} sends (RFC 7636, appendix B). */
    public static final String PKCE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final FormBrowser browser;
    private Page page;

    public HttpSignIn(FormBrowser browser) {
        this.browser = browser;
    }

    /**
     * The authorization request of the shipped {@code portal} client (public, PKCE S256) at {@code keycloakUrl}, with
     * the challenge of RFC 7636's example: a sign-in that redeems the authorization code sends {@link #PKCE_VERIFIER}.
     */
    public static String portalAuthorizationUrl(String keycloakUrl, String redirectUri) {
        return keycloakUrl + "/realms/portal/protocol/openid-connect/auth?response_type=code&client_id=portal&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }

    public Page page() {
        return page;
    }

    /** Goes on from {@code page}, which another sign-in or a raw post reached. */
    public HttpSignIn at(Page page) {
        this.page = page;
        return this;
    }

    /** Opens the login page at {@code authorizationUrl}. */
    public Page open(String authorizationUrl) {
        page = browser.get(authorizationUrl);
        assertEquals(LOGIN_PAGE, page.pageId().orElse("none"), "the login page at " + page.uri() + ":\n" + page.body());
        return page;
    }

    /** Email (or username) and password, Secure Sign-In. */
    public Page password(String username, String password) {
        return page = browser.submit(page, LOGIN_FORM, Map.of("username", username, "password", password));
    }

    /** {@link #open} and {@link #password}, then asserts that "Verify your identity" came back. */
    public Page toChooseAddress(String authorizationUrl, String username, String password) {
        open(authorizationUrl);
        password(username, password);
        assertEquals(CHOOSE_PAGE, page.pageId().orElse("none"), "Verify your identity:\n" + page.body());
        return page;
    }

    /** {@link #open} and {@link #password}: whatever page the step answers with (e.g. a page that stops the user). */
    public Page toChooseAddressOrStop(String authorizationUrl, String username, String password) {
        open(authorizationUrl);
        return password(username, password);
    }

    /** What the code page posts when {@code code} is typed and Validate Code pressed. */
    public static Map<String, String> validateForm(String code) {
        return Map.of(FormFields.ACTION, FormFields.VALIDATE, FormFields.CODE, code);
    }

    /** What a button that names only an action posts (send, resend). */
    public static Map<String, String> actionForm(String action) {
        return Map.of(FormFields.ACTION, action);
    }

    /** A click on the address: the code is sent. */
    public Page chooseAddress() {
        return page = browser.submit(page, CHOOSE_FORM, actionForm(FormFields.SEND));
    }

    /**
     * The code is mailed in the background, so a mail that cannot be sent shows on the login's next page: reloads
     * the current page until it says so (at most 10 seconds).
     */
    public Page awaitRetryPage() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            page = browser.get(page.uri().toString());
            if (SEND_FAILED_PAGE.equals(pageId())) {
                return page;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the retry page did not come within 10 seconds:\n" + page.body());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Try again, on the page that says the code could not be sent. */
    public Page retrySend() {
        return page = browser.submit(page, RETRY_FORM, actionForm(FormFields.SEND));
    }

    /** Types {@code code} and presses Validate Code. */
    public Page enterCode(String code) {
        return page = browser.submit(page, CODE_FORM, validateForm(code));
    }

    public Page resend() {
        return page = browser.submit(page, CODE_FORM, actionForm(FormFields.RESEND));
    }

    /** Posts {@code fields} to the form {@code formId} of the current page, whatever they are. */
    public Page post(String formId, Map<String, String> fields) {
        return page = browser.submit(page, formId, fields);
    }

    /** The current page's id, or "none" (e.g. after the redirect back to the client). */
    public String pageId() {
        return page.pageId().orElse("none");
    }
}
