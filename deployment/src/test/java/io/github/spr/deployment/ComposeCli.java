package io.github.spr.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code docker-compose} (Debian's 1.29, which the test command installs) the way an operator would, to see what
 * compose itself accepts. {@code config} needs no Docker engine.
 */
final class ComposeCli {

    record Result(int exitCode, String output) {
    }

    private ComposeCli() {
    }

    static Result config(Path projectDir, Path envFile, String... composeFiles) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--env-file");
        arguments.add(envFile.toAbsolutePath().toString());
        for (String file : composeFiles) {
            arguments.add("-f");
            arguments.add(projectDir.resolve(file).toString());
        }
        arguments.add("config");
        arguments.add("-q");
        Command.Result result = run(projectDir, Map.of(), Duration.ofSeconds(60), arguments);
        return new Result(result.exitCode(), result.all());
    }

    /** {@code docker-compose arguments...} in {@code projectDir}, with {@code environment} added to this process's. */
    static Command.Result run(Path projectDir, Map<String, String> environment, Duration timeout, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(executable()));
        command.addAll(arguments);
        return Command.run(command, projectDir, environment, timeout);
    }

    private static String executable() {
        if (!Command.onPath("docker-compose")) {
            throw new AssertionError("docker-compose is needed to check the compose files (run-tests.sh installs Debian's docker-compose)");
        }
        return "docker-compose";
    }
}
