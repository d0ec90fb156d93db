package io.github.spr.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.FormBrowser;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.HttpSignIn;
import java.net.URI;

/**
 * The shipped realm's {@code portal} client as the matrix sees it. Nothing listens at the portal's address: a
 * sign-in ends at Keycloak's redirect to it, which carries the authorization code.
 */
final class Portal {

    static final String URL = "http://localhost:23000";
    static final String CALLBACK = URL + "/callback";

    private Portal() {
    }

    /** A fresh browser (no cookies) at the start of the portal's sign-in. */
    static HttpSignIn newSignIn() {
        return new HttpSignIn(new FormBrowser(uri -> !isPortal(uri)));
    }

    static String authorizationUrl() {
        return HttpSignIn.portalAuthorizationUrl(VersionedKeycloak.URL, CALLBACK);
    }

    static void assertSignedIn(Page page) {
        assertEquals(302, page.status(), "expected the redirect to the portal, got " + page.uri() + ":\n" + page.body());
        assertTrue(page.uri().toString().startsWith(CALLBACK + "?"), "redirected to " + page.uri());
        assertTrue(page.uri().getQuery().contains("code="), "no authorization code in " + page.uri());
    }

    private static boolean isPortal(URI uri) {
        return "localhost".equals(uri.getHost()) && uri.getPort() == 23000;
    }
}
