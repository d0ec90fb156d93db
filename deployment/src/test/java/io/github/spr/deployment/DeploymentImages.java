package io.github.spr.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images the container tests run: the ones named in the environment (KEYCLOAK_IMAGE, POSTGRES_IMAGE,
 * MAILPIT_IMAGE, as docker-compose reads them; run-tests.sh sets them to the stand-ins of
 * scripts/build-stand-in-images.sh), else the official defaults written in docker-compose*.yml, so that the tests
 * and the compose files never disagree about which images are the official ones.
 */
final class DeploymentImages {

    static final String KEYCLOAK = "KEYCLOAK_IMAGE";
    static final String POSTGRES = "POSTGRES_IMAGE";
    static final String MAILPIT = "MAILPIT_IMAGE";
    /** The name the tests give the image they build from the Dockerfile: never an operator's. */
    static final String BUILT = "spr-email-code-keycloak:test";

    private DeploymentImages() {
    }

    /** The Keycloak image the Dockerfile builds on and Testcontainers runs, tagged with keycloak.version. */
    static String keycloak() {
        return keycloakRepository() + ":" + keycloakVersion();
    }

    static String keycloakRepository() {
        return chosen(KEYCLOAK, "docker-compose.yml");
    }

    static String postgres() {
        return chosen(POSTGRES, "docker-compose.yml");
    }

    static String mailpit() {
        return chosen(MAILPIT, "docker-compose.demo.yml");
    }

    /** What compose needs to build and run the same images the tests check for. */
    static Map<String, String> composeEnvironment() {
        return Map.of(KEYCLOAK, keycloakRepository(), POSTGRES, postgres(), MAILPIT, mailpit(), "SPR_EMAIL_CODE_IMAGE", BUILT,
                // Debian's docker.io has no BuildKit, and the docker CLI's needs the buildx plugin: the classic builder.
                "DOCKER_BUILDKIT", "0");
    }

    static String keycloakVersion() {
        String version = System.getProperty("keycloak.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("the keycloak.version system property is not set (failsafe sets it from the root pom)");
        }
        return version;
    }

    private static String chosen(String variable, String composeFile) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? officialDefault(variable, composeFile) : value.trim();
    }

    /** The default of {@code ${variable:-default}} in {@code composeFile}. */
    static String officialDefault(String variable, String composeFile) {
        try {
            String text = Files.readString(ProjectFiles.root().resolve(composeFile));
            Matcher matcher = Pattern.compile("\\$\\{" + variable + ":-([^}]+)}").matcher(text);
            if (!matcher.find()) {
                throw new IllegalStateException(composeFile + " has no ${" + variable + ":-...} default");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
