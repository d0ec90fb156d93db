package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster check reads Keycloak's log lines as Infinispan 16 (Keycloak 26.7) writes them. */
class ClusterViewTest {

    private static final String TWO = "2026-11-26 06:15:00,232 INFO  [org.infinispan.CLUSTER] (executor-thread-1) ISPN000094: Received new cluster view"
            + " for channel ISPN: [node-a(v=16.0.12)|1] (2) [node-a(v=16.0.12), node-b(v=16.0.12)]\n";
    private static final String ONE = "2026-11-26 06:15:30,751 INFO  [org.infinispan.CLUSTER] (jgroups-8,node-b(v=16.0.12)) ISPN000094: Received new"
            + " cluster view for channel ISPN: [node-b(v=16.0.12)|2] (1) [node-b(v=16.0.12)]\n";
    private static final String MERGED = "2026-11-26 06:16:00,100 INFO  [org.infinispan.CLUSTER] (jgroups-5,node-a(v=16.0.12)) ISPN000093: Received new,"
            + " MERGED cluster view for channel ISPN: MergeView::[node-a(v=16.0.12)|5] (2) [node-a(v=16.0.12), node-b(v=16.0.12)], 2 subgroups:"
            + " [node-a(v=16.0.12)|3] (1) [node-a(v=16.0.12)], [node-b(v=16.0.12)|4] (1) [node-b(v=16.0.12)]\n";

    @TempDir
    Path dir;

    @Test
    void theLatestViewCountsAndTheVersionsAreNotPartOfTheNames() throws IOException {
        ClusterView.State state = ClusterView.read(log(TWO + ONE), 0);
        assertEquals(new ClusterView.View("node-b|2", Set.of("node-b")), state.view().orElseThrow());
    }

    @Test
    void aMergedViewIsAViewToo() throws IOException {
        ClusterView.State state = ClusterView.read(log(ONE + MERGED), 0);
        assertEquals(new ClusterView.View("node-a|5", Set.of("node-a", "node-b")), state.view().orElseThrow());
    }

    @Test
    void linesBeforeTheCurrentProcessStartedAreIgnored() throws IOException {
        String earlierLife = TWO;
        ClusterView.State state = ClusterView.read(log(earlierLife + "restarted\n"), earlierLife.length());
        assertTrue(state.view().isEmpty(), state.toString());
    }

    @Test
    void onlyRebalancesOntoTheLatestViewsMembersAfterItCount() throws IOException {
        String rebalancedBefore = rebalance("loginFailures", "node-a, node-b");
        String rebalancedAfter = rebalance("actionTokens", "node-b, node-a") + rebalance("work", "node-b");
        ClusterView.State state = ClusterView.read(log(rebalancedBefore + TWO + rebalancedAfter), 0);
        assertEquals(Set.of("actionTokens"), state.rebalancedCaches());
    }

    private static String rebalance(String cache, String members) {
        return "2026-11-26 06:15:01,703 INFO  [org.infinispan.LIFECYCLE] (jgroups-8,node-b(v=16.0.12)) [Context=" + cache
                + "] ISPN100010: Finished rebalance with members [" + members + "], topology id 2\n";
    }

    private Path log(String text) throws IOException {
        return Files.writeString(dir.resolve("node.log"), text);
    }
}
