package io.github.spr.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One docker-compose project of the repository's own compose files, as an operator runs it ({@code up -d --build}
 * with an .env), under a project name of its own so it never meets another stack. {@link #close} always takes it
 * down with its volumes (also when the JVM is stopped), after writing every service's log to
 * target/compose-logs/ for whoever has to find out why a test failed.
 */
final class ComposeStack implements AutoCloseable {

    private static final Duration UP = Duration.ofMinutes(15);
    private static final Duration COMMAND = Duration.ofMinutes(3);

    private final Path root = ProjectFiles.root();
    private final String project;
    private final List<String> files;
    private final Path envFile;
    private final Thread takeDownOnExit;
    private boolean closed;
    private List<String> services;

    private ComposeStack(String project, List<String> files, Path envFile) {
        this.project = project;
        this.files = files;
        this.envFile = envFile;
        this.takeDownOnExit = new Thread(this::takeDown, "take down " + project);
        Runtime.getRuntime().addShutdownHook(takeDownOnExit);
    }

    /** Writes {@code dotEnv} as the project's .env and runs {@code up -d --build} with {@code files}. */
    static ComposeStack up(String name, Map<String, String> dotEnv, String... files) {
        String project = "spr-it-" + name + "-" + Long.toHexString(System.nanoTime() & 0xffffffL);
        Path envFile = writeEnvFile(project, dotEnv);
        ComposeStack stack = new ComposeStack(project, List.of(files), envFile);
        try {
            String previous = LocalImages.idOf(DeploymentImages.BUILT);
            stack.compose(UP, "up", "-d", "--build").orFail("docker-compose up");
            LocalImages.removeIfReplaced(previous, DeploymentImages.BUILT);
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    String project() {
        return project;
    }

    /** Waits until every service's container is healthy; fails at once when one exits or turns unhealthy. */
    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> states = states();
        while (!states.values().stream().allMatch("running healthy"::equals)) {
            states.forEach((service, state) -> {
                if (!state.startsWith("running") || state.endsWith("unhealthy")) {
                    throw new AssertionError(service + " is " + state + "; its log:\n" + tail(logs(service), 60));
                }
            });
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not healthy within " + timeout + ": " + states);
            }
            sleep(Duration.ofSeconds(2));
            states = states();
        }
    }

    /** Each service's container state and health, e.g. {@code running healthy}. */
    Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        for (String service : services()) {
            String id = containerId(service);
            states.put(service, id.isEmpty() ? "missing" : Command.run(List.of("docker", "inspect", "--format",
                    "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}no-healthcheck{{end}}", id),
                    root, Map.of(), COMMAND).orFail("docker inspect").output().strip());
        }
        return states;
    }

    /** What the service's current container logged. */
    String logs(String service) {
        return compose(COMMAND, "logs", "--no-color", service).orFail("docker-compose logs").output();
    }

    /** The host address a container port is published on, e.g. {@code 127.0.0.1:59000}. */
    String publishedAddress(String service, int containerPort) {
        return compose(COMMAND, "port", service, String.valueOf(containerPort)).orFail("docker-compose port").output().strip();
    }

    /** New containers on the same volumes: {@code down} without {@code -v}, then {@code up -d}. */
    void recreate() {
        compose(COMMAND, "down").orFail("docker-compose down");
        compose(UP, "up", "-d", "--no-build").orFail("docker-compose up");
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            takeDown();
            try {
                Runtime.getRuntime().removeShutdownHook(takeDownOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook has run or runs takeDown, which is idempotent
            }
        }
    }

    private synchronized void takeDown() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Path logDir = root.resolve("deployment/target/compose-logs");
            Files.createDirectories(logDir);
            Files.writeString(logDir.resolve(project + ".log"), compose(COMMAND, "logs", "--no-color", "--timestamps").all());
        } catch (IOException | AssertionError e) {
            System.err.println("could not save the logs of " + project + ": " + e.getMessage());
        }
        Command.Result down = compose(COMMAND, "down", "-v", "--remove-orphans", "--timeout", "20");
        if (!down.succeeded()) {
            System.err.println("docker-compose down of " + project + " failed: " + down.all());
        }
        try {
            Files.deleteIfExists(envFile);
        } catch (IOException e) {
            System.err.println("could not delete " + envFile + ": " + e.getMessage());
        }
    }

    private synchronized List<String> services() {
        if (services == null) {
            services = List.of(compose(COMMAND, "config", "--services").orFail("docker-compose config").output().strip().split("\\s+"));
        }
        return services;
    }

    private String containerId(String service) {
        return compose(COMMAND, "ps", "-q", service).orFail("docker-compose ps").output().strip();
    }

    private Command.Result compose(Duration timeout, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--project-name", project, "--env-file", envFile.toString()));
        for (String file : files) {
            all.add("-f");
            all.add(root.resolve(file).toString());
        }
        all.addAll(List.of(arguments));
        return ComposeCli.run(root, DeploymentImages.composeEnvironment(), timeout, all);
    }

    private static Path writeEnvFile(String project, Map<String, String> dotEnv) {
        try {
            Path dir = Files.createDirectories(ProjectFiles.root().resolve("deployment/target/compose-env"));
            Path file = dir.resolve(project + ".env");
            Files.writeString(file, dotEnv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
