package io.github.spr.deployment;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The .env a container test starts a compose stack with: what .env.example asks an operator to fill in (fresh random
 * passwords, a mail relay), on ports of its own instead of the defaults, which other builds on the machine use.
 */
final class TestDotEnv {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDotEnv() {
    }

    static Map<String, String> onPorts(int http, int management, int mailpitUi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POSTGRES_PASSWORD", secret());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secret());
        // Production needs a relay; nothing is mailed without the demo overlay, which points Keycloak at the catcher.
        env.put("SMTP_HOST", "relay.invalid");
        env.put("KC_HTTP_PORT", String.valueOf(http));
        env.put("KC_MANAGEMENT_PORT", String.valueOf(management));
        env.put("MAILPIT_UI_PORT", String.valueOf(mailpitUi));
        env.put("KC_HOSTNAME", "http://localhost:" + http);
        return env;
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
