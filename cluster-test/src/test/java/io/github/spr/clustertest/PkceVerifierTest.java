package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PkceVerifierTest {

    @Test
    void theVerifierTheTokenRequestSendsMatchesTheChallengeTheSignInSent() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(PortalClient.CODE_VERIFIER.getBytes(StandardCharsets.US_ASCII));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        assertTrue(PortalClient.authorizationUrl().contains("code_challenge=" + challenge + "&code_challenge_method=S256"),
                PortalClient.authorizationUrl());
    }
}
