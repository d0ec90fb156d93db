package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spr.emailcode.it.RealmConfigFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and its demo overlay can be used from a fresh clone: every file they build from or mount
 * exists, Keycloak imports the very realm file the tests sign in to, and .env.example covers every variable.
 * (CI also runs `docker-compose config` on both; no machine here can run the containers.)
 */
class ComposeFileTest {

    private static final Path ROOT = ProjectFiles.root();
    private static final String IMPORT_DIR = "/opt/keycloak/data/import/";

    @Test
    void everyBuildContextAndDockerfileExists() throws IOException {
        Map<String, Object> keycloak = service(compose("docker-compose.yml"), "keycloak");
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) keycloak.get("build");
        Path context = ROOT.resolve((String) build.get("context")).normalize();
        assertTrue(Files.isDirectory(context), context.toString());
        assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))), "Dockerfile");
    }

    @Test
    void everyFileTheDockerfileCopiesExistsAfterTheBuild() throws IOException {
        List<String> sources = dockerfileCopySources();
        assertFalse(sources.isEmpty(), "the Dockerfile copies the extension");
        for (String source : sources) {
            assertTrue(Files.exists(ROOT.resolve(source)), source + " (mvn package builds it)");
        }
        assertTrue(sources.contains("authenticator/target/spr-email-code.jar"), "the image gets the drop-in JAR");
    }

    @Test
    void everyMountedFileExists() throws IOException {
        for (String file : List.of("docker-compose.yml", "docker-compose.demo.yml")) {
            for (String[] mount : bindMounts(compose(file))) {
                assertTrue(Files.exists(ROOT.resolve(mount[0]).normalize()), file + " mounts " + mount[0]);
            }
        }
    }

    @Test
    void keycloakImportsTheRealmFileTheTestsSignInTo() throws IOException {
        Path imported = importedFile(compose("docker-compose.yml"), "portal-realm.json");
        assertEquals(RealmConfigFiles.directory().resolve(RealmConfigFiles.PORTAL_REALM).toRealPath(), imported.toRealPath());
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) service(compose("docker-compose.yml"), "keycloak").get("command");
        assertTrue(command.contains("--import-realm"), command.toString());
    }

    @Test
    void theDemoOverlayAddsOnlyTheDemoUsers() throws IOException {
        Map<String, Object> overlay = compose("docker-compose.demo.yml");
        List<String[]> mounts = bindMounts(overlay);
        assertEquals(1, mounts.size());
        assertEquals(RealmConfigFiles.directory().resolve(RealmConfigFiles.DEMO_USERS).toRealPath(),
                importedFile(overlay, "portal-users-0.json").toRealPath());
        assertTrue(bindMounts(compose("docker-compose.yml")).stream().noneMatch(m -> m[0].contains("demo")),
                "the production compose file imports no demo users");
    }

    @Test
    void theEnvExampleDefinesEveryVariableTheComposeFileReads() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (variable.find()) {
            used.add(variable.group(1));
        }
        Set<String> documented = Files.readAllLines(ROOT.resolve(".env.example")).stream()
                .filter(l -> l.matches("[A-Z0-9_]+=.*"))
                .map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(used, documented);
    }

    @Test
    void everyServiceHasAHealthCheckAndKeycloakWaitsForItsDependencies() throws IOException {
        Map<String, Object> compose = compose("docker-compose.yml");
        for (String name : List.of("postgres", "mailpit", "keycloak")) {
            assertTrue(service(compose, name).containsKey("healthcheck"), name);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(compose, "keycloak").get("depends_on");
        assertEquals("service_healthy", dependsOn.get("postgres").get("condition"));
        assertEquals("service_healthy", dependsOn.get("mailpit").get("condition"));
    }

    @Test
    void theImageIsTheKeycloakVersionTheExtensionIsBuiltFor() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(pom);
        assertTrue(version.find());
        assertTrue(Files.readString(ROOT.resolve("Dockerfile")).contains("ARG KEYCLOAK_VERSION=" + version.group(1)));
        assertEquals("spr-email-code-keycloak:" + version.group(1), service(compose("docker-compose.yml"), "keycloak").get("image"));
    }

    private static Path importedFile(Map<String, Object> compose, String name) {
        return bindMounts(compose).stream()
                .filter(m -> m[1].equals(IMPORT_DIR + name))
                .map(m -> ROOT.resolve(m[0]).normalize())
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + IMPORT_DIR + name));
    }

    /** [host path, container path] of the keycloak service's bind mounts. */
    @SuppressWarnings("unchecked")
    private static List<String[]> bindMounts(Map<String, Object> compose) {
        List<String[]> mounts = new ArrayList<>();
        Object volumes = service(compose, "keycloak").get("volumes");
        if (volumes instanceof List<?> list) {
            for (Object volume : list) {
                String[] parts = String.valueOf(volume).split(":");
                if (parts[0].startsWith("./")) {
                    mounts.add(new String[] {parts[0], parts[1]});
                }
            }
        }
        return mounts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertTrue(services.containsKey(name), "service " + name);
        return (Map<String, Object>) services.get(name);
    }

    private static Map<String, Object> compose(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file), StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }

    private static List<String> dockerfileCopySources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
            String trimmed = line.trim();
            if (trimmed.startsWith("COPY ") && !trimmed.contains("--from=")) {
                String[] parts = trimmed.split("\\s+");
                sources.add(parts[1]);
            }
        }
        return sources;
    }
}
