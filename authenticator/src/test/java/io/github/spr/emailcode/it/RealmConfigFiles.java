package io.github.spr.emailcode.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.keycloak.common.util.StringPropertyReplacer;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

/** Reads the shipped realm-config/ files the way Keycloak's import does: placeholders resolved as text, then JSON. */
public final class RealmConfigFiles {

    /** The production realm: what every real-server test signs in to, and what docker-compose.yml imports. */
    public static final String PORTAL_REALM = "portal-realm.json";
    /** The demo users, an overlay that only local runs add. */
    public static final String DEMO_USERS = "demo/portal-users-0.json";

    /** What the tests put in the placeholders; the portal URL is the test framework's OAuth callback app. */
    public static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "PORTAL_URL", "http://127.0.0.1:8500",
            "SMTP_HOST", "localhost",
            "SMTP_PORT", "3025",
            "SMTP_STARTTLS", "false");

    private RealmConfigFiles() {
    }

    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("realm-config"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("realm-config/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("realm-config");
    }

    public static String raw(String name) {
        try {
            return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same replacer class Keycloak's importer uses, with a test environment instead of the process one. */
    public static String resolved(String name, Map<String, String> environment) {
        return StringPropertyReplacer.replaceProperties(raw(name), environment::get);
    }

    public static RealmRepresentation realm(String name, Map<String, String> environment) {
        try {
            return JsonSerialization.readValue(resolved(name, environment), RealmRepresentation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
