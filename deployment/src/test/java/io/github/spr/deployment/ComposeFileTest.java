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
 * (ProductionComposeIT and DemoComposeIT run them.)
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
    void theEnvExampleDefinesEveryVariableTheComposeFilesRead() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.demo.yml")) {
            Matcher variable = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(ROOT.resolve(file)));
            while (variable.find()) {
                used.add(variable.group(1));
            }
            used.addAll(passedThrough(compose(file)));
        }
        // A commented-out line documents a variable that is only set when an operator needs it.
        Set<String> documented = Files.readAllLines(ROOT.resolve(".env.example")).stream()
                .filter(l -> l.matches("#?[A-Z0-9_]+=.*"))
                .map(l -> l.substring(l.startsWith("#") ? 1 : 0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(used, documented);
    }

    @Test
    void everyServiceHasAHealthCheckAndKeycloakWaitsForItsDependencies() throws IOException {
        Map<String, Object> production = compose("docker-compose.yml");
        Map<String, Object> demo = compose("docker-compose.demo.yml");
        assertTrue(service(production, "postgres").containsKey("healthcheck"), "postgres");
        assertTrue(service(production, "keycloak").containsKey("healthcheck"), "keycloak");
        assertTrue(service(demo, "mailpit").containsKey("healthcheck"), "mailpit");
        assertEquals("service_healthy", dependsOn(production, "postgres"));
        assertEquals("service_healthy", dependsOn(demo, "mailpit"));
    }

    @Test
    void theMailCatcherIsOnlyInTheDemoOverlayAndOnlyReachableFromThisMachine() throws IOException {
        assertFalse(services(compose("docker-compose.yml")).containsKey("mailpit"), "no open inbox in production");
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) service(compose("docker-compose.demo.yml"), "mailpit").get("ports");
        assertFalse(ports.isEmpty());
        ports.forEach(port -> assertTrue(port.startsWith("127.0.0.1:"), port));
    }

    @Test
    void productionHasNoMailRelayDefaultAndUsesStarttls() throws IOException {
        Map<String, Object> environment = keycloakEnvironment(compose("docker-compose.yml"));
        assertTrue(String.valueOf(environment.get("SMTP_HOST")).startsWith("${SMTP_HOST:?"), "no default relay: " + environment.get("SMTP_HOST"));
        assertEquals("${SMTP_STARTTLS:-true}", environment.get("SMTP_STARTTLS"));
    }

    @Test
    void noPasswordHasADefault() throws IOException {
        Map<String, Object> production = compose("docker-compose.yml");
        assertTrue(String.valueOf(service(production, "postgres").get("environment")).contains("POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?"));
        Map<String, Object> environment = keycloakEnvironment(production);
        assertTrue(String.valueOf(environment.get("KC_DB_PASSWORD")).startsWith("${POSTGRES_PASSWORD:?"));
        assertTrue(String.valueOf(environment.get("KC_BOOTSTRAP_ADMIN_PASSWORD")).startsWith("${KC_BOOTSTRAP_ADMIN_PASSWORD:?"));
        List<String> example = Files.readAllLines(ROOT.resolve(".env.example"));
        for (String required : List.of("POSTGRES_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD", "SMTP_HOST")) {
            assertTrue(example.contains(required + "="), ".env.example leaves " + required + " empty, so a copy must be filled in");
        }
    }

    @Test
    void composeRefusesToStartUntilThePasswordsAndTheRelayAreSet() throws Exception {
        Path emptyEnv = Files.createTempFile("empty", ".env");
        ComposeCli.Result result = ComposeCli.config(ROOT, emptyEnv, "docker-compose.yml");
        assertTrue(result.exitCode() != 0, "compose must refuse: " + result.output());
        assertTrue(result.output().contains("set POSTGRES_PASSWORD in .env") || result.output().contains("set KC_BOOTSTRAP_ADMIN_PASSWORD in .env")
                || result.output().contains("set SMTP_HOST in .env"), result.output());

        Path filled = Files.createTempFile("filled", ".env");
        Files.writeString(filled, "POSTGRES_PASSWORD=p\nKC_BOOTSTRAP_ADMIN_PASSWORD=a\nSMTP_HOST=relay.example\n");
        ComposeCli.Result accepted = ComposeCli.config(ROOT, filled, "docker-compose.yml");
        assertEquals(0, accepted.exitCode(), accepted.output());
        ComposeCli.Result demo = ComposeCli.config(ROOT, filled, "docker-compose.yml", "docker-compose.demo.yml");
        assertEquals(0, demo.exitCode(), demo.output());
    }

    @Test
    void theManagementPortIsOnlyPublishedOnThisMachine() throws IOException {
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) service(compose("docker-compose.yml"), "keycloak").get("ports");
        String management = ports.stream().filter(p -> p.endsWith(":9000")).findFirst().orElseThrow();
        assertTrue(management.startsWith("127.0.0.1:"), management);
    }

    @Test
    void proxyHeadersAreOnlyTrustedWhenTheOperatorSetsThem() throws IOException {
        Map<String, Object> environment = keycloakEnvironment(compose("docker-compose.yml"));
        assertTrue(environment.containsKey("KC_PROXY_HEADERS"), "passed through from .env when set");
        assertEquals(null, environment.get("KC_PROXY_HEADERS"), "no value of its own");
        assertTrue(Files.readAllLines(ROOT.resolve(".env.example")).stream().noneMatch(l -> l.startsWith("KC_PROXY_HEADERS=")),
                ".env.example does not turn them on");
    }

    @Test
    void theImageIsTheKeycloakVersionTheExtensionIsBuiltFor() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(pom);
        assertTrue(version.find());
        assertTrue(Files.readString(ROOT.resolve("Dockerfile")).contains("ARG KEYCLOAK_VERSION=" + version.group(1)));
        assertEquals("${SPR_EMAIL_CODE_IMAGE:-spr-email-code-keycloak:" + version.group(1) + "}", service(compose("docker-compose.yml"), "keycloak").get("image"));
    }

    @Test
    void theImagesAreTheOfficialOnesUnlessTheOperatorNamesOthers() throws IOException {
        assertEquals("${POSTGRES_IMAGE:-postgres:17}", service(compose("docker-compose.yml"), "postgres").get("image"));
        assertEquals("${MAILPIT_IMAGE:-axllent/mailpit:v1.21.8}", service(compose("docker-compose.demo.yml"), "mailpit").get("image"));
        @SuppressWarnings("unchecked")
        Map<String, Object> buildArgs = (Map<String, Object>) ((Map<String, Object>) service(compose("docker-compose.yml"), "keycloak").get("build")).get("args");
        assertEquals(Map.of("KEYCLOAK_IMAGE", "${KEYCLOAK_IMAGE:-quay.io/keycloak/keycloak}"), buildArgs);
        // The Dockerfile built alone (docker build .) has the same default as the compose file.
        List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("ARG KEYCLOAK_IMAGE=quay.io/keycloak/keycloak"), "the Dockerfile's default base");
        assertEquals(2, dockerfile.stream().filter(l -> l.startsWith("FROM ${KEYCLOAK_IMAGE}:${KEYCLOAK_VERSION}")).count(), "both stages build on it");
    }

    @Test
    void theEnvExampleShowsEachImageVariableCommentedOutWithItsOfficialDefault() throws IOException {
        Set<String> example = Set.copyOf(Files.readAllLines(ROOT.resolve(".env.example")));
        Pattern withDefault = Pattern.compile("\\$\\{([A-Z0-9_]*IMAGE):-([^}]+)}");
        int images = 0;
        for (String file : List.of("docker-compose.yml", "docker-compose.demo.yml")) {
            Matcher variable = withDefault.matcher(Files.readString(ROOT.resolve(file)));
            while (variable.find()) {
                images++;
                String line = "#" + variable.group(1) + "=" + variable.group(2);
                assertTrue(example.contains(line), ".env.example should have " + line);
            }
        }
        assertEquals(4, images, "KEYCLOAK_IMAGE, SPR_EMAIL_CODE_IMAGE, POSTGRES_IMAGE, MAILPIT_IMAGE");
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
    private static Map<String, Object> services(Map<String, Object> compose) {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> services = services(compose);
        assertTrue(services.containsKey(name), "service " + name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keycloakEnvironment(Map<String, Object> compose) {
        return (Map<String, Object>) service(compose, "keycloak").get("environment");
    }

    @SuppressWarnings("unchecked")
    private static String dependsOn(Map<String, Object> compose, String dependency) {
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(compose, "keycloak").get("depends_on");
        return dependsOn.get(dependency).get("condition");
    }

    /** Keys listed without a value: compose passes them from .env or the shell, or leaves them unset. */
    @SuppressWarnings("unchecked")
    private static Set<String> passedThrough(Map<String, Object> compose) {
        Set<String> keys = new TreeSet<>();
        for (Object service : services(compose).values()) {
            Object environment = ((Map<String, Object>) service).get("environment");
            if (environment instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    if (value == null) {
                        keys.add((String) key);
                    }
                });
            }
        }
        return keys;
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
