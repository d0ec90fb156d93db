package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.FormBrowser;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.HttpSignIn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml with the demo overlay (mail catcher, demo users), run as the ops guide says, and a demo user's
 * whole sign-in through the published port: password, the address, the code from the catcher's API, the portal.
 */
@RequiresDockerEngine
class DemoComposeIT {

    private static final int HTTP_PORT = 58081;
    private static final int MANAGEMENT_PORT = 59001;
    private static final int MAILPIT_UI_PORT = 58025;
    private static final String PORTAL = "http://localhost:3000";
    private static final String JANE = "jane.doe@acme.example";

    private static ComposeStack stack;

    @BeforeAll
    static void up() {
        LocalImages.require(DeploymentImages.keycloak(), DeploymentImages.postgres(), DeploymentImages.mailpit());
        stack = ComposeStack.up("demo", TestDotEnv.onPorts(HTTP_PORT, MANAGEMENT_PORT, MAILPIT_UI_PORT), "docker-compose.yml", "docker-compose.demo.yml");
        stack.awaitHealthy(Duration.ofMinutes(6));
        PortalRealm.awaitServed("http://localhost:" + HTTP_PORT, Duration.ofMinutes(2));
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void postgresKeycloakAndTheMailCatcherAreHealthy() {
        assertEquals(Map.of("postgres", "running healthy", "keycloak", "running healthy", "mailpit", "running healthy"), stack.states());
    }

    @Test
    void theMailCatcherIsPublishedOnThisMachineOnly() {
        assertEquals("127.0.0.1:" + MAILPIT_UI_PORT, stack.publishedAddress("mailpit", 8025));
    }

    @Test
    void aDemoUserSignsInWithTheCodeFromTheMailCatcher() throws Exception {
        // The portal does not run here: the sign-in ends at its redirect, which carries the authorization code.
        HttpSignIn signIn = new HttpSignIn(new FormBrowser(uri -> !uri.toString().startsWith(PORTAL)));
        signIn.toChooseAddress(HttpSignIn.portalAuthorizationUrl("http://localhost:" + HTTP_PORT, PORTAL + "/callback"), JANE, "Package-Room-1");
        Page codePage = signIn.chooseAddress();
        assertEquals(HttpSignIn.CODE_PAGE, signIn.pageId(), codePage.body());

        String code = new MailpitInbox("http://127.0.0.1:" + MAILPIT_UI_PORT).latestCodeFor(JANE, Duration.ofSeconds(30));
        Page back = signIn.enterCode(code);
        assertEquals(302, back.status(), back.body());
        assertTrue(back.uri().toString().startsWith(PORTAL + "/callback?") && back.uri().toString().contains("code="), back.uri().toString());
    }
}
