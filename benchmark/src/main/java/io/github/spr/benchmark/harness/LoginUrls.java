package io.github.spr.benchmark.harness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Where a portal-like public client sends the browser to sign in: the authorization endpoint with PKCE (S256). */
public final class LoginUrls {

    public static final String REDIRECT_URI = BenchSettings.PORTAL_URL + "/callback";
    /** One verifier for every login: the benchmark never redeems a code, but the clients require a challenge. */
    private static final String CODE_CHALLENGE = challenge("spr-benchmark-code-verifier-0123456789-abcdefghijklmnop");

    private LoginUrls() {
    }

    /** Path and query (no host), with {@code state} and {@code nonce} as given. */
    public static String authorization(Flow flow, String state, String nonce) {
        return "/realms/" + BenchmarkRealm.REALM + "/protocol/openid-connect/auth?client_id=" + flow.clientId
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&state=" + state + "&nonce=" + nonce
                + "&code_challenge=" + CODE_CHALLENGE + "&code_challenge_method=S256";
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
