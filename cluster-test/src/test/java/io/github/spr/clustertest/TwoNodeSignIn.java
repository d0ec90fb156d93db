package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.FormBrowser;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.HttpSignIn;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every scenario works with: the cluster, a browser (over plain HTTP, cookies kept) whose every request goes
 * through the load balancer to the node the scenario names, a fresh user, the inbox, and settings changed for one
 * scenario only.
 */
@ExtendWith(ClusterExtension.class)
abstract class TwoNodeSignIn {

    static final String PASSWORD = "Package-Room-1";
    private static final AtomicInteger USERS = new AtomicInteger();

    Cluster cluster;
    ClusterNode a;
    ClusterNode b;
    FormBrowser browser;
    HttpSignIn signIn;
    final PortalClient portal = new PortalClient();
    private final Deque<ThrowingRunnable> restore = new ArrayDeque<>();

    /** A user of the portal realm, made for one scenario (the limits are per user, so scenarios never share one). */
    record TestUser(String id, String email) {
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @BeforeEach
    void useCluster(Cluster cluster) {
        this.cluster = cluster;
        this.a = cluster.a();
        this.b = cluster.b();
        // The browser stops at the redirect to the portal (nothing listens there) and the test reads the code from it.
        this.browser = new FormBrowser(uri -> !PortalClient.isPortal(uri));
        this.signIn = new HttpSignIn(browser);
    }

    @AfterEach
    void restoreSettings() throws Exception {
        while (!restore.isEmpty()) {
            restore.pop().run();
        }
    }

    /** Routes the browser's next requests to {@code node}: the way a balancer without sticky sessions may. */
    HttpSignIn on(ClusterNode node) {
        cluster.balancer().route(node);
        return signIn;
    }

    TestUser newUser(String name) {
        String username = name + "-" + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        String email = username + "@acme.example";
        return new TestUser(cluster.admin().createUser(username, email, PASSWORD), email);
    }

    /** Password on {@code node}, then the click on the address on {@code node}: the code page. */
    void signInAndRequestCode(TestUser user, ClusterNode node) {
        on(node).toChooseAddress(PortalClient.authorizationUrl(), user.email(), PASSWORD);
        on(node).chooseAddress();
        assertEquals(HttpSignIn.CODE_PAGE, signIn.pageId(), "the code page after the click:\n" + signIn.page().body());
    }

    /** The code in the {@code n}-th mail to {@code user}. */
    String code(TestUser user, int n) {
        return cluster.inbox().awaitCode(user.email(), n, Duration.ofSeconds(30));
    }

    /** The mail goes out in the background: a second later, it has come, and nothing more has. */
    void assertMailCount(TestUser user, int expected) throws InterruptedException {
        Thread.sleep(1000);
        assertEquals(expected, cluster.inbox().count(user.email()), "mails to " + user.email());
    }

    static String wrongCode(String code) {
        return code.charAt(0) == '9' ? "0" + code.substring(1) : (char) (code.charAt(0) + 1) + code.substring(1);
    }

    static void assertOnCodePage(Page page, String expectedMessage) {
        assertEquals(200, page.status(), page.uri().toString());
        assertEquals(HttpSignIn.CODE_PAGE, page.pageId().orElse("none"), page.body());
        assertTrue(page.body().contains(expectedMessage), "expected \"" + expectedMessage + "\" on the code page:\n" + page.body());
    }

    /** The login ended at the portal with an authorization code; returns it. */
    static String assertBackAtThePortal(Page page) {
        return PortalClient.authorizationCode(page.uri())
                .orElseThrow(() -> new AssertionError("expected the redirect to the portal with a code, got " + page.status() + " "
                        + page.uri() + ":\n" + page.body()));
    }

    /** Changes the email step's settings for this scenario, on every node, and puts them back afterwards. */
    void changeStepSettings(Map<String, String> changes) throws InterruptedException {
        Map<String, String> original = cluster.admin().stepConfig();
        Map<String, String> changed = new LinkedHashMap<>(original);
        changed.putAll(changes);
        cluster.admin().replaceStepConfig(changed);
        restore.push(() -> {
            cluster.admin().replaceStepConfig(original);
            cluster.awaitOnEveryNode("the step's original settings", admin -> admin.stepConfig().equals(original));
        });
        cluster.awaitOnEveryNode("the step settings " + changes, admin -> admin.stepConfig().entrySet().containsAll(changes.entrySet()));
    }

    /** Changes realm attributes (brute-force detection) for this scenario, on every node, and puts them back afterwards. */
    void changeRealm(Map<String, Object> changes) throws InterruptedException {
        Map<String, Object> realm = cluster.admin().realm();
        Map<String, Object> original = new HashMap<>();
        changes.keySet().forEach(key -> original.put(key, realm.get(key)));
        cluster.admin().updateRealm(changes);
        restore.push(() -> {
            cluster.admin().updateRealm(original);
            cluster.awaitOnEveryNode("the realm's original " + original, admin -> holds(admin.realm(), original));
        });
        cluster.awaitOnEveryNode("the realm settings " + changes, admin -> holds(admin.realm(), changes));
    }

    private static boolean holds(Map<String, Object> realm, Map<String, Object> values) {
        return values.entrySet().stream().allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(realm.get(e.getKey()))));
    }
}
