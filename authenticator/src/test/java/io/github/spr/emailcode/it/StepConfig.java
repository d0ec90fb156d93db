package io.github.spr.emailcode.it;

import io.github.spr.emailcode.step.EmailCodeAuthenticatorFactory;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Changes the email-code step's config for one test, through the admin API, and puts it back afterwards. */
public final class StepConfig {

    private StepConfig() {
    }

    public static void set(ManagedRealm realm, Map<String, String> changes) {
        AuthenticationManagementResource flows = realm.admin().flows();
        String configId = configId(flows);
        AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(configId);
        Map<String, String> original = new HashMap<>(config.getConfig());
        config.getConfig().putAll(changes);
        flows.updateAuthenticatorConfig(configId, config);
        realm.cleanup().add(r -> {
            AuthenticatorConfigRepresentation restored = r.flows().getAuthenticatorConfig(configId);
            restored.setConfig(original);
            r.flows().updateAuthenticatorConfig(configId, restored);
        });
    }

    static String configId(AuthenticationManagementResource flows) {
        return flows.getExecutions(ShippedPortalRealm.FLOW_WITH_EMAIL_CODE).stream()
                .filter(e -> EmailCodeAuthenticatorFactory.PROVIDER_ID.equals(e.getProviderId()))
                .map(AuthenticationExecutionInfoRepresentation::getAuthenticationConfig)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no configured email-code step in " + ShippedPortalRealm.FLOW_WITH_EMAIL_CODE));
    }
}
