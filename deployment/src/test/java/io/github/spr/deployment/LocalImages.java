package io.github.spr.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testcontainers.dockerclient.DockerClientConfigUtils;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Makes sure the images a container test needs are on the engine before anything starts: an image that is missing
 * is pulled once, and if that fails (no registry, as on the project's machines) the test fails at once with a message
 * that names the image and what to do, instead of Testcontainers retrying the pull for minutes.
 */
final class LocalImages {

    static final String STAND_IN_SCRIPT = "scripts/build-stand-in-images.sh";
    private static final Duration INSPECT = Duration.ofSeconds(30);
    /** An official image is a few hundred MB; where no registry answers, the pull fails within a second. */
    private static final Duration PULL = Duration.ofMinutes(10);

    private LocalImages() {
    }

    static void require(String... images) {
        for (String image : images) {
            presentOrPulled(image, "Where no registry can be reached, build the stand-ins with " + STAND_IN_SCRIPT
                    + " and pass the names it prints (KEYCLOAK_IMAGE, POSTGRES_IMAGE, MAILPIT_IMAGE) in the environment: export $("
                    + STAND_IN_SCRIPT + "); ./run-tests.sh does both.");
        }
    }

    /**
     * Testcontainers runs images of its own before a test's, and retries their pulls for minutes where they cannot be
     * had: Ryuk (the reaper of leftover containers) unless TESTCONTAINERS_RYUK_DISABLED is true; a tiny image for its
     * start-up checks unless TESTCONTAINERS_CHECKS_DISABLE is true, and the same image to find the engine's address
     * when the tests themselves run in a container (/.dockerenv) unless TESTCONTAINERS_HOST_OVERRIDE names it.
     */
    static void requireTestcontainersOwnImages() {
        TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            presentOrPulled(configuration.getRyukImage(), "It is Testcontainers' Ryuk: set TESTCONTAINERS_RYUK_DISABLED=true ("
                    + STAND_IN_SCRIPT + " prints it, ./run-tests.sh sets it); the tests stop their containers themselves.");
        }
        String hostOverride = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
        boolean findsTheHostWithAContainer = DockerClientConfigUtils.IN_A_CONTAINER && (hostOverride == null || hostOverride.isBlank());
        if (!configuration.isDisableChecks() || findsTheHostWithAContainer) {
            presentOrPulled(configuration.getTinyImage(), "Testcontainers runs it for its start-up checks and, inside a container, to find "
                    + "the engine's address: set TESTCONTAINERS_CHECKS_DISABLE=true and, for an engine on this machine, "
                    + "TESTCONTAINERS_HOST_OVERRIDE=localhost (" + STAND_IN_SCRIPT + " prints both, ./run-tests.sh sets them).");
        }
    }

    /** The image's ID, or empty when it is not on the engine. */
    static String idOf(String image) {
        Command.Result inspect = Command.run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image), Path.of("."), Map.of(), INSPECT);
        return inspect.succeeded() ? inspect.output().strip() : "";
    }

    /**
     * Removes the image {@code id} once a build has moved its name to a new image, so that repeated test runs do not
     * pile up untagged images; one that is still in use or named stays.
     */
    static void removeIfReplaced(String id, String name) {
        if (!id.isEmpty() && !id.equals(idOf(name))) {
            Command.Result tags = Command.run(List.of("docker", "image", "inspect", "--format", "{{len .RepoTags}}", id), Path.of("."), Map.of(), INSPECT);
            if (tags.succeeded() && tags.output().strip().equals("0")) {
                Command.run(List.of("docker", "rmi", id), Path.of("."), Map.of(), INSPECT);
            }
        }
    }

    static boolean present(String image) {
        return Command.run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image), Path.of("."), Map.of(), INSPECT).succeeded();
    }

    private static void presentOrPulled(String image, String advice) {
        if (present(image)) {
            return;
        }
        Command.Result pull = Command.run(List.of("docker", "pull", "-q", image), Path.of("."), Map.of(), PULL);
        if (!pull.succeeded()) {
            throw new AssertionError("the image " + image + " is not on this Docker engine and could not be pulled ("
                    + pull.all().strip() + "). " + advice);
        }
    }
}
