package io.github.spr.emailcode.it;

import io.github.spr.emailcode.step.EmailCodeAuthenticatorFactory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ConfigPropertyRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** What an admin sees and does: the step in the flow editor, its settings, and a step added without settings. */
@KeycloakIntegrationTest(config = SprServerConfig.class)
public class StepSetupIT extends PortalSignIn {

    @Test
    void theFlowEditorListsTheStepWithANameAndHelpText() {
        List<Map<String, Object>> providers = realm.admin().flows().getAuthenticatorProviders();
        Map<String, Object> step = providers.stream().filter(p -> EmailCodeAuthenticatorFactory.PROVIDER_ID.equals(p.get("id"))).findFirst().orElseThrow();
        assertEquals("Email verification code", step.get("displayName"));
        assertTrue(String.valueOf(step.get("description")).contains("emails a one-time code"), String.valueOf(step.get("description")));
    }

    @Test
    void theSettingsFormShowsEveryPropertyWithItsDefaultAndHelp() {
        AuthenticatorConfigInfoRepresentation info = realm.admin().flows().getAuthenticatorConfigDescription("email-code");
        Map<String, ConfigPropertyRepresentation> properties = info.getProperties().stream()
                .collect(Collectors.toMap(ConfigPropertyRepresentation::getName, Function.identity()));
        assertEquals(List.of("codeLength", "codeLifetimeSeconds", "resendCooldownSeconds", "maxAttempts", "maskEmail",
                        "sendQuota", "sendQuotaWindowSeconds", "maxWrongCodesPerDay",
                        "allowUnverifiedEmail", "markEmailVerified", "allowedDomains"),
                info.getProperties().stream().map(ConfigPropertyRepresentation::getName).toList());
        assertEquals("6", properties.get("codeLength").getDefaultValue());
        assertEquals("600", properties.get("codeLifetimeSeconds").getDefaultValue());
        assertEquals("30", properties.get("resendCooldownSeconds").getDefaultValue());
        assertEquals("5", properties.get("maxAttempts").getDefaultValue());
        assertEquals(Boolean.TRUE, properties.get("maskEmail").getDefaultValue());
        assertEquals("boolean", properties.get("maskEmail").getType());
        assertEquals("5", properties.get("sendQuota").getDefaultValue());
        assertEquals("3600", properties.get("sendQuotaWindowSeconds").getDefaultValue());
        assertEquals("20", properties.get("maxWrongCodesPerDay").getDefaultValue());
        assertEquals(Boolean.TRUE, properties.get("allowUnverifiedEmail").getDefaultValue());
        assertEquals(Boolean.TRUE, properties.get("markEmailVerified").getDefaultValue());
        assertEquals("MultivaluedString", properties.get("allowedDomains").getType());
        for (ConfigPropertyRepresentation property : info.getProperties()) {
            assertFalse(property.getHelpText() == null || property.getHelpText().isBlank(), property.getName());
            if (!"boolean".equals(property.getType()) && !"allowedDomains".equals(property.getName())) {
                // A menu: the console cannot save a value that is not on it.
                assertEquals("List", property.getType(), property.getName());
                assertTrue(property.getOptions().contains(String.valueOf(property.getDefaultValue())), property.getName());
            }
        }
    }

    @Test
    void aStepAddedWithoutAnySettingsUsesTheDefaults() {
        withoutStepConfig();
        TestUser user = TestUsers.create(realm, "bare");
        signInWithPassword(user);
        assertEquals("b\u2022\u2022\u2022@acme.example", choosePage.address());
        choosePage.chooseAddress();
        codePage.assertCurrent();
        assertEquals("We sent a verification code to b\u2022\u2022\u2022@acme.example. It is valid for 10 minutes.", codePage.sentInfo());
        String code = inbox.code(1);
        assertEquals(6, code.length());
        codePage.submitCode(code);
        assertBackAtThePortal();
    }

    @Test
    void aPartialConfigKeepsDefaultsForTheRest() {
        replaceStepConfig(Map.of("maskEmail", "false"));
        TestUser user = TestUsers.create(realm, "partial");
        signInWithPassword(user);
        assertEquals(user.email(), choosePage.address());
        choosePage.chooseAddress();
        assertEquals(6, inbox.code(1).length());
        assertEquals("We sent a verification code to " + user.email() + ". It is valid for 10 minutes.", codePage.sentInfo());
    }

    @Test
    void unusableStoredValuesFallBackToTheirDefaults() {
        // The REST API and realm imports bypass the console's menus.
        replaceStepConfig(Map.of("codeLength", "99", "codeLifetimeSeconds", "forever", "maskEmail", "perhaps"));
        TestUser user = TestUsers.create(realm, "odd");
        signInWithPassword(user);
        assertEquals("o\u2022\u2022\u2022@acme.example", choosePage.address());
        choosePage.chooseAddress();
        String code = inbox.code(1);
        assertEquals(6, code.length());
        assertEquals("We sent a verification code to o\u2022\u2022\u2022@acme.example. It is valid for 10 minutes.", codePage.sentInfo());
        codePage.submitCode(code);
        assertBackAtThePortal();
    }

    /** Replaces the whole config map (the StepConfig helper only merges), restored after the test. */
    private void replaceStepConfig(Map<String, String> config) {
        AuthenticationManagementResource flows = realm.admin().flows();
        String configId = StepConfig.configId(flows);
        AuthenticatorConfigRepresentation rep = flows.getAuthenticatorConfig(configId);
        Map<String, String> original = rep.getConfig();
        rep.setConfig(config);
        flows.updateAuthenticatorConfig(configId, rep);
        realm.cleanup().add(r -> {
            AuthenticatorConfigRepresentation back = r.flows().getAuthenticatorConfig(configId);
            back.setConfig(original);
            r.flows().updateAuthenticatorConfig(configId, back);
        });
    }

    /** Detaches the config from the step, as when an admin adds the step and never opens its settings. */
    private void withoutStepConfig() {
        AuthenticationManagementResource flows = realm.admin().flows();
        AuthenticationExecutionInfoRepresentation step = flows.getExecutions(ShippedPortalRealm.FLOW_WITH_EMAIL_CODE).stream()
                .filter(e -> EmailCodeAuthenticatorFactory.PROVIDER_ID.equals(e.getProviderId())).findFirst().orElseThrow();
        AuthenticatorConfigRepresentation saved = flows.getAuthenticatorConfig(step.getAuthenticationConfig());
        flows.removeAuthenticatorConfig(step.getAuthenticationConfig());
        realm.cleanup().add(r -> {
            AuthenticationExecutionInfoRepresentation again = r.flows().getExecutions(ShippedPortalRealm.FLOW_WITH_EMAIL_CODE).stream()
                    .filter(e -> EmailCodeAuthenticatorFactory.PROVIDER_ID.equals(e.getProviderId())).findFirst().orElseThrow();
            AuthenticatorConfigRepresentation restored = new AuthenticatorConfigRepresentation();
            restored.setAlias(saved.getAlias());
            restored.setConfig(saved.getConfig());
            r.flows().newExecutionConfig(again.getId(), restored).close();
        });
        assertEquals(null, flows.getExecutions(ShippedPortalRealm.FLOW_WITH_EMAIL_CODE).stream()
                .filter(e -> EmailCodeAuthenticatorFactory.PROVIDER_ID.equals(e.getProviderId())).findFirst().orElseThrow().getAuthenticationConfig());
    }
}
