package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.step.EmailCodeAuthenticatorFactory;
import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Someone who has a user's password, against every client the imported realm ends up with (Keycloak's own clients
 * included, and any the test framework adds): no route to a token skips the email code.
 */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class NoTokenWithoutTheCodeIT extends PortalSignIn {

    private static final List<String> SIDE_DOOR_ATTRIBUTES = List.of(
            "oauth2.device.authorization.grant.enabled", "oidc.ciba.grant.enabled", "standard.token.exchange.enabled",
            "oauth2.jwt.authorization.grant.enabled");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noClientGivesATokenForAPasswordByUsernameOrByEmail() throws Exception {
        TestUser user = TestUsers.create(realm, "thief");
        String username = realm.admin().users().get(user.id()).toRepresentation().getUsername();
        List<ClientRepresentation> clients = realm.admin().clients().findAll();
        assertTrue(clients.stream().anyMatch(c -> "admin-cli".equals(c.getClientId())), "Keycloak's admin-cli is among them");

        List<String> tried = new ArrayList<>();
        for (ClientRepresentation client : clients) {
            for (String login : List.of(username, user.email())) {
                HttpResponse<String> answer = passwordGrant(client, login, user.password());
                tried.add(client.getClientId() + " as " + login + " -> " + answer.statusCode());
                assertFalse(answer.body().contains("access_token"), client.getClientId() + " gave a token: " + answer.body());
                assertNotEquals(200, answer.statusCode(), client.getClientId() + ": " + answer.body());
            }
        }
        assertEquals(clients.size() * 2, tried.size(), String.join("\n", tried));
    }

    @Test
    void aClientThatSomeoneAllowsPasswordGrantsOnStillGetsNoToken() throws Exception {
        TestUser user = TestUsers.create(realm, "thief");
        ClientResource adminCli = clientResource("admin-cli");
        ClientRepresentation original = adminCli.toRepresentation();
        ClientRepresentation opened = adminCli.toRepresentation();
        opened.setEnabled(true);
        opened.setDirectAccessGrantsEnabled(true);
        adminCli.update(opened);
        realm.cleanup().add(r -> r.clients().get(original.getId()).update(original));

        HttpResponse<String> answer = passwordGrant(opened, user.email(), user.password());
        assertEquals(401, answer.statusCode(), "the realm's direct grant flow refuses it: " + answer.body());
        assertFalse(answer.body().contains("access_token"), answer.body());
    }

    @Test
    void theDirectGrantFlowOnlyRefuses() {
        RealmRepresentation imported = realm.admin().toRepresentation();
        List<AuthenticationExecutionInfoRepresentation> steps = realm.admin().flows().getExecutions(imported.getDirectGrantFlow());
        assertEquals(List.of("deny-access-authenticator:REQUIRED"),
                steps.stream().map(s -> s.getProviderId() + ":" + s.getRequirement()).toList());
    }

    @Test
    void theBoundBrowserFlowRunsTheEmailCodeAsRequired() {
        RealmRepresentation imported = realm.admin().toRepresentation();
        List<AuthenticationExecutionInfoRepresentation> steps = realm.admin().flows().getExecutions(imported.getBrowserFlow());
        AuthenticationExecutionInfoRepresentation emailCode = steps.stream()
                .filter(s -> EmailCodeAuthenticatorFactory.PROVIDER_ID.equals(s.getProviderId()))
                .findFirst().orElseThrow(() -> new AssertionError("no email-code step in " + imported.getBrowserFlow()));
        assertEquals("REQUIRED", emailCode.getRequirement());
        int passwordAt = indexOf(steps, "auth-username-password-form");
        assertTrue(passwordAt >= 0 && passwordAt < steps.indexOf(emailCode), "after the password");
        assertEquals(steps.get(passwordAt).getLevel(), emailCode.getLevel(), "in the same sub-flow as the password");
        assertEquals("REQUIRED", steps.get(passwordAt).getRequirement());
    }

    @Test
    void noClientOverridesTheBrowserOrDirectGrantFlow() {
        Map<String, Map<String, String>> overrides = realm.admin().clients().findAll().stream()
                .filter(c -> c.getAuthenticationFlowBindingOverrides() != null && !c.getAuthenticationFlowBindingOverrides().isEmpty())
                .collect(Collectors.toMap(ClientRepresentation::getClientId, ClientRepresentation::getAuthenticationFlowBindingOverrides));
        assertEquals(Map.of(), overrides);
    }

    @Test
    void noClientOffersImplicitDeviceCibaOrTokenExchange() {
        List<String> open = new ArrayList<>();
        for (ClientRepresentation client : realm.admin().clients().findAll()) {
            if (Boolean.TRUE.equals(client.isImplicitFlowEnabled())) {
                open.add(client.getClientId() + ": implicit");
            }
            Map<String, String> attributes = client.getAttributes() == null ? Map.of() : client.getAttributes();
            for (String attribute : SIDE_DOOR_ATTRIBUTES) {
                if ("true".equals(attributes.get(attribute))) {
                    open.add(client.getClientId() + ": " + attribute);
                }
            }
        }
        assertEquals(List.of(), open);
    }

    private HttpResponse<String> passwordGrant(ClientRepresentation client, String login, String password)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client.getClientId());
        if (!Boolean.TRUE.equals(client.isPublicClient()) && !Boolean.TRUE.equals(client.isBearerOnly())) {
            // With its real secret: the refusal must come from the grant, not from a failed client login.
            form.put("client_secret", clientResource(client.getClientId()).getSecret().getValue());
        }
        form.put("username", login);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ClientResource clientResource(String clientId) {
        return realm.admin().clients().get(realm.admin().clients().findByClientId(clientId).get(0).getId());
    }

    private static int indexOf(List<AuthenticationExecutionInfoRepresentation> steps, String providerId) {
        for (int i = 0; i < steps.size(); i++) {
            if (providerId.equals(steps.get(i).getProviderId())) {
                return i;
            }
        }
        return -1;
    }
}
