package io.github.spr.emailcode.it;

import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ClientConfig;

/**
 * The test framework's OAuth client ("test-app", its callback on 127.0.0.1:8500), configured like a real portal
 * client: authorization code only. The framework's default also turns on password, service-account and JWT grants,
 * which the shipped realm must not have; NoTokenWithoutTheCodeIT checks every client of the realm, this one too.
 */
public class TestAppWithoutSideDoors implements ClientConfig {

    @Override
    public ClientBuilder configure(ClientBuilder client) {
        return client.clientId("test-app").secret("test-secret");
    }
}
