package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as shipped, run as an operator runs it ({@code up -d --build} with a filled-in .env): PostgreSQL
 * and Keycloak on the image the Dockerfile builds. One stack for the whole class; {@link AfterARestart} runs last and
 * recreates the containers on the same volume.
 */
@RequiresDockerEngine
class ProductionComposeIT {

    static final int HTTP_PORT = 58080;
    static final int MANAGEMENT_PORT = 59000;
    private static final Duration HEALTHY = Duration.ofMinutes(6);
    static final String IMPORTED = "Realm 'portal' imported";
    static final String SKIPPED = "Realm 'portal' already exists. Import skipped";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ComposeStack stack;

    @BeforeAll
    static void up() {
        LocalImages.require(DeploymentImages.keycloak(), DeploymentImages.postgres());
        stack = ComposeStack.up("prod", TestDotEnv.onPorts(HTTP_PORT, MANAGEMENT_PORT, 58026), "docker-compose.yml");
        stack.awaitHealthy(HEALTHY);
        PortalRealm.awaitServed("http://localhost:" + HTTP_PORT, HEALTHY);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void postgresAndKeycloakAreHealthy() {
        assertEquals(Map.of("postgres", "running healthy", "keycloak", "running healthy"), stack.states());
    }

    @Test
    void keycloakImportsTheRealmOnItsFirstStart() {
        String log = stack.logs("keycloak");
        assertEquals(1, occurrences(log, IMPORTED), log);
    }

    @Test
    void theRealmAnswersUnderTheConfiguredHostname() throws Exception {
        JsonNode discovery = JSON.readTree(get("http://localhost:" + HTTP_PORT + "/realms/portal/.well-known/openid-configuration"));
        assertEquals("http://localhost:" + HTTP_PORT + "/realms/portal", discovery.path("issuer").asText());
    }

    @Test
    void theManagementPortIsPublishedOnThisMachineOnly() throws Exception {
        assertEquals("127.0.0.1:" + MANAGEMENT_PORT, stack.publishedAddress("keycloak", 9000));
        assertTrue(get("http://127.0.0.1:" + MANAGEMENT_PORT + "/health/ready").contains("\"UP\""));
    }

    /** After the tests above: new containers on the same PostgreSQL volume. */
    @Nested
    class AfterARestart {

        private static String signingKeyBefore;

        @BeforeAll
        static void recreateTheContainers() throws Exception {
            signingKeyBefore = signingKeyId();
            stack.recreate();
            stack.awaitHealthy(HEALTHY);
            PortalRealm.awaitServed("http://localhost:" + HTTP_PORT, HEALTHY);
        }

        @Test
        void theRealmKeepsTheKeysItWasGivenAtTheImport() throws Exception {
            // Keys are generated at the import and live in the database: the same key means the same database.
            assertEquals(signingKeyBefore, signingKeyId());
        }

        @Test
        void theRealmIsNotImportedAgain() {
            String log = stack.logs("keycloak");
            assertTrue(log.contains(SKIPPED), log);
            assertFalse(log.contains(IMPORTED), log);
        }
    }

    private static String signingKeyId() throws Exception {
        JsonNode keys = JSON.readTree(get("http://localhost:" + HTTP_PORT + "/realms/portal/protocol/openid-connect/certs")).path("keys");
        for (JsonNode key : keys) {
            if ("sig".equals(key.path("use").asText()) && "RS256".equals(key.path("alg").asText())) {
                return key.path("kid").asText();
            }
        }
        throw new AssertionError("no RS256 signing key: " + keys);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
