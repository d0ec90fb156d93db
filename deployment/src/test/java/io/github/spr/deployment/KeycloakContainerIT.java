package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.github.spr.emailcode.it.FormBrowser;
import io.github.spr.emailcode.it.FormBrowser.Page;
import io.github.spr.emailcode.it.HttpSignIn;
import io.github.spr.emailcode.it.RealmConfigFiles;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The happy path with Testcontainers' KeycloakContainer, as a project that embeds the extension would test it: the
 * drop-in JAR in providers/, realm-config imported at start, a Mailpit as the inbox. The images come from the
 * environment (KEYCLOAK_IMAGE, MAILPIT_IMAGE; official by default, the stand-ins under run-tests.sh). Skipped where no
 * Docker engine answers; fails at once, naming the image, where one is missing and cannot be pulled.
 */
@RequiresDockerEngine
class KeycloakContainerIT {

    private static final String PORTAL = "http://localhost:3000";
    private static final String JANE = "jane.doe@acme.example";

    private static Network network;
    private static GenericContainer<?> mailpit;
    private static KeycloakContainer keycloak;

    @BeforeAll
    static void start() {
        // Before Testcontainers touches the engine: otherwise a missing image means minutes of pull retries.
        LocalImages.requireTestcontainersOwnImages();
        LocalImages.require(DeploymentImages.keycloak(), DeploymentImages.mailpit());
        network = Network.newNetwork();
        mailpit = new GenericContainer<>(DeploymentImages.mailpit())
                .withNetwork(network)
                .withNetworkAliases("mailpit")
                .withExposedPorts(8025)
                .waitingFor(Wait.forHttp("/readyz").forPort(8025));
        keycloak = new KeycloakContainer(DeploymentImages.keycloak())
                .withNetwork(network)
                .withProviderLibsFrom(List.of(new File("../authenticator/target/spr-email-code.jar")))
                .withCopyFileToContainer(MountableFile.forHostPath(RealmConfigFiles.directory().resolve(RealmConfigFiles.PORTAL_REALM)),
                        "/opt/keycloak/data/import/portal-realm.json")
                .withCopyFileToContainer(MountableFile.forHostPath(RealmConfigFiles.directory().resolve(RealmConfigFiles.DEMO_USERS)),
                        "/opt/keycloak/data/import/portal-users-0.json")
                .withEnv("SMTP_HOST", "mailpit")
                .withEnv("SMTP_PORT", "1025")
                .withEnv("PORTAL_URL", PORTAL)
                // KeycloakContainer always starts with --import-realm (a second one stops kc.sh); start-dev re-augments
                // with the provider at every start: minutes on two busy cores.
                .withStartupTimeout(Duration.ofMinutes(4));
        mailpit.start();
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        // Ryuk may be off (run-tests.sh turns it off where its image cannot be had): stop everything here.
        if (keycloak != null) {
            keycloak.stop();
        }
        if (mailpit != null) {
            mailpit.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void aDemoUserSignsInThroughTheEmailStep() throws Exception {
        // The portal itself does not run here: stop at its redirect and look at the code it would get.
        HttpSignIn signIn = new HttpSignIn(new FormBrowser(uri -> !uri.toString().startsWith(PORTAL)));
        Page login = signIn.open(HttpSignIn.portalAuthorizationUrl(keycloak.getAuthServerUrl(), PORTAL + "/callback"));
        assertTrue(login.body().contains("Secure Sign-In"), "the spr login page");
        signIn.password(JANE, "Package-Room-1");
        assertEquals(HttpSignIn.CHOOSE_PAGE, signIn.pageId());
        signIn.chooseAddress();
        assertEquals(HttpSignIn.CODE_PAGE, signIn.pageId());

        String code = new MailpitInbox("http://" + mailpit.getHost() + ":" + mailpit.getMappedPort(8025)).latestCodeFor(JANE, Duration.ofSeconds(30));
        Page back = signIn.enterCode(code);
        assertEquals(302, back.status());
        assertTrue(back.uri().toString().startsWith(PORTAL + "/callback?") && back.uri().toString().contains("code="), back.uri().toString());
    }
}
