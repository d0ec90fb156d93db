package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spr.emailcode.it.RealmConfigFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * realm-config/portal-realm.json is safe to commit and to import in production: no users, no secret, and every
 * host, URL and credential comes from the environment. (ShippedRealmConfigIT imports it, without the demo
 * overlay, into a real Keycloak and signs in through it.)
 */
class ProductionRealmFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void itHasNoUsersAndNoCredentials() throws IOException {
        JsonNode realm = realm();
        assertFalse(realm.has("users"), "users belong in the demo overlay");
        assertFalse(realm.has("federatedUsers"));
        assertTrue(fieldsNamed(realm, "credentials").isEmpty());
    }

    @Test
    void everySecretLookingValueIsAnEmptyEnvironmentPlaceholder() throws IOException {
        List<String> offending = new ArrayList<>();
        collect(realm(), "", offending);
        assertEquals(List.of(), offending);
    }

    @Test
    void itCarriesNoKeysOfItsOwn() throws IOException {
        // Keys are generated per installation; shipping them would share them between all installations.
        JsonNode realm = realm();
        assertFalse(realm.has("components") && realm.get("components").has("org.keycloak.keys.KeyProvider"));
        assertTrue(fieldsNamed(realm, "privateKey").isEmpty());
        assertTrue(fieldsNamed(realm, "certificate").isEmpty());
    }

    @Test
    void hostsAndUrlsComeFromTheEnvironment() throws IOException {
        JsonNode realm = realm();
        assertTrue(realm.get("smtpServer").get("host").asText().startsWith("${SMTP_HOST:"));
        assertTrue(realm.get("smtpServer").get("port").asText().startsWith("${SMTP_PORT:"));
        JsonNode portal = realm.get("clients").get(0);
        assertEquals("portal", portal.get("clientId").asText());
        assertTrue(portal.get("rootUrl").asText().startsWith("${PORTAL_URL:"));
        portal.get("redirectUris").forEach(uri -> assertTrue(uri.asText().startsWith("${PORTAL_URL:"), uri.asText()));
        portal.get("webOrigins").forEach(uri -> assertTrue(uri.asText().startsWith("${PORTAL_URL:"), uri.asText()));
    }

    @Test
    void thePortalClientHasNoSecretBecauseItIsPublic() throws IOException {
        JsonNode portal = realm().get("clients").get(0);
        assertTrue(portal.get("publicClient").asBoolean());
        assertFalse(portal.has("secret"));
    }

    @Test
    void noClientAllowsAPasswordImplicitServiceAccountDeviceCibaOrTokenExchangeGrant() throws IOException {
        List<String> open = new ArrayList<>();
        for (JsonNode client : realm().get("clients")) {
            String id = client.get("clientId").asText();
            for (String grant : List.of("directAccessGrantsEnabled", "implicitFlowEnabled", "serviceAccountsEnabled")) {
                if (!client.has(grant) || client.get(grant).asBoolean()) {
                    open.add(id + ": " + grant + " not explicitly false");
                }
            }
            JsonNode attributes = client.path("attributes");
            for (String attribute : List.of("oauth2.device.authorization.grant.enabled", "oidc.ciba.grant.enabled", "standard.token.exchange.enabled")) {
                if (!"false".equals(attributes.path(attribute).asText())) {
                    open.add(id + ": " + attribute + " not explicitly false");
                }
            }
            if (client.has("authenticationFlowBindingOverrides")) {
                open.add(id + ": overrides the realm's flows");
            }
        }
        assertEquals(List.of(), open);
    }

    @Test
    void keycloaksAdminCliIsDefinedHereSoTheImportDoesNotAddOneWithPasswordGrants() throws IOException {
        JsonNode adminCli = client("admin-cli");
        assertFalse(adminCli.get("enabled").asBoolean());
        assertFalse(adminCli.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(adminCli.get("standardFlowEnabled").asBoolean());
    }

    @Test
    void passwordGrantsRunAFlowThatOnlyRefuses() throws IOException {
        JsonNode flow = flow(realm().get("directGrantFlow").asText());
        JsonNode executions = flow.get("authenticationExecutions");
        assertEquals(1, executions.size());
        assertEquals("deny-access-authenticator", executions.get(0).get("authenticator").asText());
        assertEquals("REQUIRED", executions.get(0).get("requirement").asText());
    }

    @Test
    void theBrowserFlowAsksForTheEmailCodeAfterThePasswordBothRequired() throws IOException {
        JsonNode browser = flow(realm().get("browserFlow").asText());
        JsonNode forms = null;
        for (JsonNode execution : browser.get("authenticationExecutions")) {
            if (execution.has("flowAlias")) {
                forms = flow(execution.get("flowAlias").asText());
            }
        }
        assertTrue(forms != null, "the browser flow has a forms sub-flow");
        List<String> steps = new ArrayList<>();
        forms.get("authenticationExecutions").forEach(e -> steps.add(e.get("authenticator").asText() + ":" + e.get("requirement").asText()));
        assertEquals(List.of("auth-username-password-form:REQUIRED", "email-code:REQUIRED"), steps);
    }

    @Test
    void theDemoOverlayIsASeparateUsersFileForTheSameRealm() throws IOException {
        JsonNode demo = JSON.readTree(RealmConfigFiles.raw(RealmConfigFiles.DEMO_USERS));
        assertEquals(realm().get("realm").asText(), demo.get("realm").asText());
        assertTrue(demo.get("users").size() > 0);
        assertEquals(2, demo.size(), "only the realm name and its users");
    }

    private static JsonNode client(String clientId) throws IOException {
        for (JsonNode client : realm().get("clients")) {
            if (clientId.equals(client.get("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode flow(String alias) throws IOException {
        for (JsonNode flow : realm().get("authenticationFlows")) {
            if (alias.equals(flow.get("alias").asText())) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    private static JsonNode realm() throws IOException {
        return JSON.readTree(RealmConfigFiles.raw(RealmConfigFiles.PORTAL_REALM));
    }

    /** Any field whose name says secret, password or credential must be "${VAR:}" or "${VAR}": no value is shipped. */
    private static void collect(JsonNode node, String path, List<String> offending) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                String where = path + "/" + field.getKey();
                boolean secretName = name.contains("secret") || name.contains("password") || name.contains("credential")
                        || name.contains("privatekey") || name.contains("token");
                // "true"/"false" switch a feature (e.g. standard.token.exchange.enabled); they are no secret.
                boolean flag = field.getValue().asText().matches("true|false");
                if (secretName && field.getValue().isTextual() && !flag && !field.getValue().asText().matches("\\$\\{[A-Z0-9_]+:?}")) {
                    offending.add(where + "=" + field.getValue().asText());
                }
                collect(field.getValue(), where, offending);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", offending);
            }
        }
    }

    private static List<JsonNode> fieldsNamed(JsonNode node, String name) {
        return node.findValues(name);
    }
}
