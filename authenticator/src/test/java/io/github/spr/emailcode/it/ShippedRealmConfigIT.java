package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.keycloak.util.JsonSerialization;

/**
 * realm-config/ as ops import it: the realm file (placeholders resolved the way Keycloak's import resolves them)
 * is the realm this server runs, and its portal client and demo users sign in through the email step.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class ShippedRealmConfigIT extends PortalSignIn {

    @AfterEach
    void backToTheTestClient() {
        oauth.client("test-app", "test-secret");
    }

    @Test
    void everyPlaceholderHasADefaultSoTheFileImportsWithoutAnyEnvironment() {
        String raw = RealmConfigFiles.raw(RealmConfigFiles.PORTAL_REALM);
        assertTrue(raw.contains("${SMTP_HOST:"), "SMTP comes from the environment");
        assertTrue(raw.contains("${PORTAL_URL:"), "the portal URL comes from the environment");
        String resolved = RealmConfigFiles.resolved(RealmConfigFiles.PORTAL_REALM, Map.of());
        assertFalse(resolved.contains("${"), "unresolved placeholder left: " + resolved);
        RealmRepresentation local = RealmConfigFiles.realm(RealmConfigFiles.PORTAL_REALM, Map.of());
        assertEquals("localhost", local.getSmtpServer().get("host"));
        assertEquals(List.of("http://localhost:3000/*"), local.getClients().get(0).getRedirectUris());
    }

    @Test
    void theProductionFileImportsOnItsOwnWithoutUsers() {
        // This class's realm is portal-realm.json alone: the demo overlay is not needed, and no user is shipped.
        assertEquals(0, realm.admin().users().count());
        assertEquals("portal", realm.getName());
    }

    @Test
    void theImportedRealmUsesTheSprThemesBruteForceProtectionAndTheEmailCodeFlow() {
        RealmRepresentation imported = realm.admin().toRepresentation();
        assertEquals("spr", imported.getLoginTheme());
        assertEquals("spr", imported.getEmailTheme());
        assertTrue(imported.isBruteForceProtected());
        assertEquals("portal-browser", imported.getBrowserFlow());

        List<AuthenticationExecutionInfoRepresentation> steps = realm.admin().flows().getExecutions(ShippedPortalRealm.FLOW_WITH_EMAIL_CODE);
        assertEquals(List.of("auth-username-password-form", "email-code"),
                steps.stream().map(AuthenticationExecutionInfoRepresentation::getProviderId).toList());
        assertTrue(steps.stream().allMatch(s -> "REQUIRED".equals(s.getRequirement())));
    }

    @Test
    void thePortalClientIsPublicAndRequiresPkce() {
        ClientRepresentation portal = realm.admin().clients().findByClientId("portal").get(0);
        assertTrue(portal.isPublicClient());
        assertFalse(portal.isDirectAccessGrantsEnabled());
        assertEquals("S256", portal.getAttributes().get("pkce.code.challenge.method"));

        oauth.client("portal");
        oauth.openLoginForm();
        AuthorizationEndpointResponse withoutPkce = oauth.parseLoginResponse();
        assertEquals("invalid_request", withoutPkce.getError());
    }

    @Test
    void aDemoUserSignsInToThePortalClientWithPkceThroughTheEmailStep() throws Exception {
        Map<?, ?> overlay = JsonSerialization.readValue(RealmConfigFiles.raw(RealmConfigFiles.DEMO_USERS), Map.class);
        assertEquals("portal", overlay.get("realm"));
        List<?> users = (List<?>) overlay.get("users");
        UserRepresentation jane = JsonSerialization.readValue(JsonSerialization.writeValueAsString(users.get(0)), UserRepresentation.class);
        TestUsers.register(jane.getEmail());
        try (Response created = realm.admin().users().create(jane)) {
            assertEquals(201, created.getStatus());
        }
        String janeId = realm.admin().users().search(jane.getUsername(), true).get(0).getId();
        realm.cleanup().add(r -> r.users().delete(janeId).close());

        oauth.client("portal");
        PkceGenerator pkce = PkceGenerator.s256();
        oauth.loginForm().codeChallenge(pkce).open();
        loginPage.fillLogin(jane.getEmail(), jane.getCredentials().get(0).getValue());
        loginPage.submit();
        choosePage.assertCurrent();
        assertEquals("j\u2022\u2022\u2022@acme.example", choosePage.address());
        choosePage.chooseAddress();
        codePage.submitCode(inbox.code(1));

        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertTrue(response.isSuccess(), "error=" + response.getError());
        AccessTokenResponse tokens = oauth.accessTokenRequest(response.getCode()).codeVerifier(pkce).send();
        assertTrue(tokens.isSuccess(), tokens.getErrorDescription());
        assertEquals(jane.getEmail(), oauth.parseToken(tokens.getAccessToken(), AccessToken.class).getEmail());
    }
}
