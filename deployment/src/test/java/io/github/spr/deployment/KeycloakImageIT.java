package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's Dockerfile, built with {@code docker build} as an operator would, on the Keycloak image of
 * KEYCLOAK_IMAGE (official by default, the stand-in where run-tests.sh passes it), and what the image then holds.
 */
@RequiresDockerEngine
class KeycloakImageIT {

    private static final Path ROOT = ProjectFiles.root();
    private static final Path JAR = ROOT.resolve("authenticator/target/spr-email-code.jar");
    private static final Duration BUILD = Duration.ofMinutes(15);
    private static final Duration RUN = Duration.ofMinutes(2);

    @BeforeAll
    static void build() {
        assertTrue(Files.isRegularFile(JAR), "build the JAR first (mvn -B package -DskipTests): " + JAR);
        LocalImages.require(DeploymentImages.keycloak());
        String previous = LocalImages.idOf(DeploymentImages.BUILT);
        Command.run(List.of("docker", "build", "--force-rm", "--build-arg", "KEYCLOAK_IMAGE=" + DeploymentImages.keycloakRepository(),
                "-t", DeploymentImages.BUILT, "-f", "Dockerfile", "."), ROOT, Map.of("DOCKER_BUILDKIT", "0"), BUILD).orFail("docker build");
        LocalImages.removeIfReplaced(previous, DeploymentImages.BUILT);
    }

    @Test
    void theImageCarriesTheDropInJarAsBuilt() throws IOException {
        byte[] inImage = run("cat", "/opt/keycloak/providers/spr-email-code.jar").stdout();
        assertArrayEquals(Files.readAllBytes(JAR), inImage, "the JAR in providers/ is the one mvn package built");
    }

    @Test
    void theImageIsPreBuiltWithTheExtensionForPostgresWithHealthAndMetrics() throws IOException {
        // kc.sh build records what it baked in next to the code it generated; start --optimized runs on exactly that.
        Properties built = new Properties();
        byte[] jar = run("cat", "/opt/keycloak/lib/quarkus/generated-bytecode.jar").stdout();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("META-INF/keycloak-persisted.properties")) {
                    built.load(zip);
                }
            }
        }
        assertEquals("postgres", built.getProperty("kc.db"), built.toString());
        assertEquals("true", built.getProperty("kc.health-enabled"), built.toString());
        assertEquals("true", built.getProperty("kc.metrics-enabled"), built.toString());
        assertTrue(built.stringPropertyNames().stream().anyMatch(k -> k.startsWith("kc.provider.file.spr-email-code.jar")), built.toString());
    }

    @Test
    void theImageStartsOptimizedAsTheUnprivilegedKeycloakUser() {
        String config = Command.run(List.of("docker", "image", "inspect", "--format", "{{.Config.User}}|{{json .Config.Entrypoint}}|{{json .Config.Cmd}}",
                DeploymentImages.BUILT), ROOT, Map.of(), RUN).orFail("docker image inspect").output().strip();
        assertEquals("1000|[\"/opt/keycloak/bin/kc.sh\"]|[\"start\",\"--optimized\"]", config);
    }

    private static Command.Result run(String... command) {
        List<String> all = new ArrayList<>(List.of("docker", "run", "--rm", "--entrypoint", command[0], DeploymentImages.BUILT));
        all.addAll(List.of(command).subList(1, command.length));
        return Command.run(all, ROOT, Map.of(), RUN).orFail("docker run");
    }
}
