package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.HttpSignIn;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** One login, its requests split across the two nodes: the code's state lives in the cluster, not in a node. */
@Order(1)
class SignInAcrossNodesIT extends TwoNodeSignIn {

    @Test
    void aCodeSentByNodeAIsAcceptedByNodeBAndTheTokenWorksOnBothNodes() {
        TestUser user = newUser("across");
        signInAndRequestCode(user, a);
        int answeredByB = cluster.balancer().served(b);

        Page page = on(b).enterCode(code(user, 1));
        assertTrue(cluster.balancer().served(b) > answeredByB, "node B answered the validation");
        String authorizationCode = assertBackAtThePortal(page);

        // B issued the authorization code; A redeems it (PKCE verifier included), then each node accepts the token.
        cluster.balancer().route(a);
        String accessToken = portal.redeem(authorizationCode);
        for (ClusterNode node : List.of(a, b)) {
            cluster.balancer().route(node);
            HttpResponse<String> userinfo = portal.userinfo(accessToken);
            assertEquals(200, userinfo.statusCode(), "userinfo on " + node + ": " + userinfo.body());
            assertEquals(user.email(), PortalClient.json(userinfo).path("email").asText(), "userinfo on " + node);
        }
    }

    @Test
    void aMailThatNodeACouldNotSendInTheBackgroundIsReportedOnNodeBWhereTryingAgainWorks() throws Exception {
        TestUser user = newUser("background");
        on(a).toChooseAddress(PortalClient.authorizationUrl(), user.email(), PASSWORD);
        cluster.stopInbox();
        try {
            on(a).chooseAddress();
            assertEquals(HttpSignIn.CODE_PAGE, signIn.pageId(), "node A answers at once and mails in the background");
            Page retry = on(b).awaitRetryPage();
            assertTrue(retry.body().contains("We could not send the verification code."), retry.body());
        } finally {
            cluster.restartInbox();
        }
        assertEquals(HttpSignIn.CODE_PAGE, on(b).retrySend().pageId().orElse("none"), "node B sends a new code at once");
        assertBackAtThePortal(on(a).enterCode(code(user, 1)));
    }

    @Test
    void aNewCodeRequestedOnNodeBVoidsTheCodeNodeASent() throws InterruptedException {
        changeStepSettings(Map.of(ConfigProperties.RESEND_COOLDOWN_SECONDS.key(), "0"));
        TestUser user = newUser("voided");
        signInAndRequestCode(user, a);
        String sentByA = code(user, 1);
        assertOnCodePage(on(b).resend(), "We sent a new code to");
        String sentByB = code(user, 2);

        assertOnCodePage(on(a).enterCode(sentByA), "That code is not correct. Tries left for this code: 4.");
        assertBackAtThePortal(on(a).enterCode(sentByB));
    }
}
