package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.it.FormBrowser;
import io.github.spr.emailcode.it.HttpSignIn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * An upgrade-style rolling restart (A, then B, each back in the cluster before the other goes) while users wait for
 * their code: no login in progress is lost, because at every moment one running node holds every entry.
 */
@Order(5)
class RollingRestartIT extends TwoNodeSignIn {

    private static final int LOGINS = 4;

    /** A login waiting on the code page, in its own browser. */
    private record WaitingLogin(TestUser user, HttpSignIn signIn, String code) {
    }

    @Test
    void loginsWaitingForTheirCodeCompleteAfterARollingRestartOfBothNodes() throws Exception {
        List<WaitingLogin> waiting = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            // Half of the codes sent by A, half by B.
            ClusterNode sender = i % 2 == 0 ? a : b;
            TestUser user = newUser("rolling");
            HttpSignIn login = new HttpSignIn(new FormBrowser(uri -> !PortalClient.isPortal(uri)));
            cluster.balancer().route(sender);
            login.toChooseAddress(PortalClient.authorizationUrl(), user.email(), PASSWORD);
            login.chooseAddress();
            assertEquals(HttpSignIn.CODE_PAGE, login.pageId(), login.page().body());
            waiting.add(new WaitingLogin(user, login, code(user, 1)));
        }

        cluster.restart(a);
        cluster.restart(b);

        List<Executable> completions = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            WaitingLogin login = waiting.get(i);
            // Each code entered on the node that did not send it.
            ClusterNode validator = i % 2 == 0 ? b : a;
            cluster.balancer().route(validator);
            FormBrowser.Page page = login.signIn().enterCode(login.code());
            completions.add(() -> assertBackAtThePortal(page));
        }
        assertAll("every login that waited through the rolling restart completes", completions);
    }
}
