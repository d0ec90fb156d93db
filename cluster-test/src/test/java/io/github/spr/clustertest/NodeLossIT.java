package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.spr.emailcode.it.FormBrowser.Page;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node is lost mid-login (SIGKILL, no graceful leave): the other node still holds the login's state, because the
 * distributed caches keep every entry on two owners. The lost node then comes back into the cluster.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeLossIT extends TwoNodeSignIn {

    @Test
    @Order(1)
    void aLoginWhoseCodeNodeASentCompletesOnNodeBAfterNodeAIsKilled() {
        TestUser user = newUser("killed");
        signInAndRequestCode(user, a);
        String code = code(user, 1);

        cluster.kill(a);
        assertFalse(a.isAlive(), "node A is gone");
        long begin = System.nanoTime();
        Page page = on(b).enterCode(code);
        cluster.report("node-b answered the first request after node-a was killed in %d ms", (System.nanoTime() - begin) / 1_000_000);
        String authorizationCode = assertBackAtThePortal(page);
        // The login's user session and authorization code are B's alone now; the code still redeems.
        portal.redeem(authorizationCode);
    }

    @Test
    @Order(2)
    void nodeARejoinsTheClusterWhenStartedAgain() throws Exception {
        // Killed by the scenario above; killed here too if that one stopped early, so this is always a rejoin after a kill.
        a.kill();
        cluster.startAgain(a);

        ClusterView.View seenByA = a.clusterState().view().orElseThrow();
        assertEquals(Set.of(a.name(), b.name()), seenByA.members(), "node A's view");
        assertEquals(seenByA, b.clusterState().view().orElseThrow(), "node B installed the same view");
    }
}
