package io.github.spr.clustertest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's log says about its cluster: the last Infinispan view it installed (ISPN000094, or ISPN000093 after a
 * merge) and which caches finished rebalancing onto that view's members afterwards (ISPN100010). Read from the
 * offset where the node's current process started writing, so a restarted node is never judged by its old life.
 */
final class ClusterView {

    /** {@code ... cluster view for channel ISPN: [node-a(v=16.0.12)|1] (2) [node-a(v=16.0.12), node-b(v=16.0.12)]} */
    private static final Pattern VIEW = Pattern.compile(
            "ISPN00009[34]: Received new(?:, MERGED)? cluster view for channel \\S+: (?:MergeView::)?\\[([^|\\]]+)\\|(\\d+)\\] \\((\\d+)\\) \\[([^\\]]*)\\]");
    /** {@code [Context=authenticationSessions] ISPN100010: Finished rebalance with members [node-b, node-a], topology id 8} */
    private static final Pattern REBALANCED = Pattern.compile("\\[Context=([^\\]]+)\\] ISPN100010: Finished rebalance with members \\[([^\\]]*)\\]");

    private ClusterView() {
    }

    /** One installed view: its id (coordinator and number, the same on every member) and its members' names. */
    record View(String id, Set<String> members) {

        boolean hasExactly(Set<String> names) {
            return members.equals(names);
        }

        @Override
        public String toString() {
            return id + " " + members;
        }
    }

    /** The latest view in {@code log} from {@code offset} on, with the caches rebalanced onto its members after it. */
    record State(Optional<View> view, Set<String> rebalancedCaches) {

        @Override
        public String toString() {
            return view.map(View::toString).orElse("no view yet") + ", rebalanced since: " + rebalancedCaches;
        }
    }

    static State read(Path log, long offset) throws IOException {
        String text = LogFile.since(log, offset);
        Matcher views = VIEW.matcher(text);
        View latest = null;
        int end = 0;
        while (views.find()) {
            latest = new View(stripVersion(views.group(1)) + "|" + views.group(2), names(views.group(4)));
            end = views.end();
        }
        Set<String> rebalanced = new HashSet<>();
        if (latest != null) {
            Matcher rebalances = REBALANCED.matcher(text);
            rebalances.region(end, text.length());
            while (rebalances.find()) {
                if (names(rebalances.group(2)).equals(latest.members())) {
                    rebalanced.add(rebalances.group(1));
                }
            }
        }
        return new State(Optional.ofNullable(latest), rebalanced);
    }

    private static Set<String> names(String list) {
        Set<String> names = new HashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(ClusterView::stripVersion).forEach(names::add);
        return names;
    }

    /** {@code node-a(v=16.0.12)} is {@code node-a}. */
    private static String stripVersion(String member) {
        int paren = member.indexOf('(');
        return paren < 0 ? member.trim() : member.substring(0, paren).trim();
    }
}
