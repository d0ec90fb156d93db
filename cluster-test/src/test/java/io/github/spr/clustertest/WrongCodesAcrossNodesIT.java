package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.spr.emailcode.it.FormBrowser.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Wrong codes sent alternately to both nodes count exactly as on one node: per code (the attempts in the
 * authentication session) and per user (the realm's brute-force detection, in the login-failure store).
 */
@Order(3)
class WrongCodesAcrossNodesIT extends TwoNodeSignIn {

    @Test
    void wrongCodesAlternatingBetweenTheNodesVoidTheCodeAtTheFifth() throws InterruptedException {
        // Only the step's own per-code limit here; the realm's lockout is the next scenario.
        changeRealm(Map.of("bruteForceProtected", false));
        TestUser user = newUser("attempts");
        signInAndRequestCode(user, a);
        String code = code(user, 1);
        String wrong = wrongCode(code);

        List<ClusterNode> nodes = List.of(a, b, a, b);
        for (int i = 0; i < nodes.size(); i++) {
            assertOnCodePage(on(nodes.get(i)).enterCode(wrong), "Tries left for this code: " + (4 - i) + ".");
        }
        assertOnCodePage(on(a).enterCode(wrong), "That code is not correct, and it was the last try for this code. Request a new code.");
        assertOnCodePage(on(b).enterCode(code), "There is no valid code for this sign-in any more. Request a new code.");
    }

    @Test
    void wrongCodesAlternatingBetweenTheNodesLockTheUserOutAndThenEvenTheRightCodeIsRefused() throws InterruptedException {
        // As AbuseLimitsIT on one node: lock after 3 failures, without the quick-login rule (two failures within a second).
        changeRealm(Map.of("bruteForceProtected", true, "permanentLockout", false, "failureFactor", 3,
                "quickLoginCheckMilliSeconds", 1, "waitIncrementSeconds", 600, "maxFailureWaitSeconds", 900));
        TestUser user = newUser("lockout");
        signInAndRequestCode(user, a);
        String code = code(user, 1);
        for (ClusterNode node : List.of(a, b, a)) {
            assertEquals(200, on(node).enterCode(wrongCode(code)).status());
        }
        Map<String, Object> status = awaitLocked(user);
        assertEquals(3, ((Number) status.get("numFailures")).intValue(), "failures counted on both nodes: " + status);

        for (ClusterNode node : List.of(b, a)) {
            Page refused = on(node).enterCode(code);
            assertOnCodePage(refused, "Invalid authenticator code.");
            assertFalse(PortalClient.isPortal(refused.uri()), "never redirected to the portal");
        }
    }

    /** Keycloak records failures after the request, in the background: wait until the lock is recorded. */
    private Map<String, Object> awaitLocked(TestUser user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Object> status = Map.of();
        while (System.nanoTime() < deadline) {
            status = cluster.admin().bruteForceStatus(user.id());
            if (Boolean.TRUE.equals(status.get("disabled"))) {
                return status;
            }
            Thread.sleep(100);
        }
        return fail("the user was not locked after three wrong codes: " + status);
    }
}
