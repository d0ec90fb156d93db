package io.github.spr.clustertest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spr.emailcode.it.HttpSignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The portal's side of the sign-in (the shipped public client {@code portal}, PKCE S256), through the load balancer:
 * where the login starts, the authorization code the redirect carries, its redemption, and userinfo.
 */
final class PortalClient {

    /** The portal's callback; nothing listens there, the browser stops at the redirect and the test reads the code. */
    static final String REDIRECT_URI = "http://localhost:33000/callback";
    /**
     * RFC 7636 appendix B's verifier, whose S256 challenge {@link HttpSignIn#portalAuthorizationUrl} sends
     * (PkceVerifierTest checks the pair; a widely copied misquote of it, "...-mJ92K9Ci...", fails PKCE).
     */
    static final String CODE_VERIFIER = HttpSignIn.PKCE_VERIFIER;
    private static final String OIDC = Cluster.PUBLIC_URL + "/realms/portal/protocol/openid-connect";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String authorizationUrl() {
        return HttpSignIn.portalAuthorizationUrl(Cluster.PUBLIC_URL, REDIRECT_URI);
    }

    static boolean isPortal(URI uri) {
        return uri.toString().startsWith(REDIRECT_URI);
    }

    /** The authorization code in a redirect to the portal, if it carries one. */
    static Optional<String> authorizationCode(URI redirect) {
        if (!isPortal(redirect) || redirect.getRawQuery() == null) {
            return Optional.empty();
        }
        return Arrays.stream(redirect.getRawQuery().split("&"))
                .filter(p -> p.startsWith("code="))
                .map(p -> URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8))
                .findFirst();
    }

    /** Redeems {@code code} at the token endpoint; returns the access token. */
    String redeem(String code) {
        String form = "grant_type=authorization_code&client_id=portal"
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&code_verifier=" + CODE_VERIFIER;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(OIDC + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new AssertionError("the token endpoint refused the code: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    /** GET userinfo with {@code accessToken}: the status and the body. */
    HttpResponse<String> userinfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(OIDC + "/userinfo")).header("Authorization", "Bearer " + accessToken).GET());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
