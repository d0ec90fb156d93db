package io.github.spr.emailcode.it;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration every real-server test uses, so the suite starts Keycloak once. The server also
 * writes its log to a file, with this extension at TRACE and every event at DEBUG, so ServerLogKeepsSecretsIT can
 * prove that no level of that log holds a code or an address, and it serves metrics.
 */
public class SprServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.log()
                .handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE)
                // The file gets every level; the console (which the test output repeats) stays readable.
                .handlerLevel(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, "INFO")
                .categoryLevel("io.github.spr", "TRACE")
                .categoryLevel("org.keycloak.events", "DEBUG");
        return config.dependencyCurrentProject()
                .option("log-file", SuiteSecrets.SERVER_LOG.toAbsolutePath().toString())
                // MetricsIT reads the step's counters where ops would: /metrics on the management port.
                .option("metrics-enabled", "true");
    }
}
