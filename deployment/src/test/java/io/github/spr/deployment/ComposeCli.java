package io.github.spr.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-compose} (Debian's 1.29, which the test command installs) the way an operator would, to see what
 * compose itself accepts. {@code config} needs no Docker engine.
 */
final class ComposeCli {

    record Result(int exitCode, String output) {
    }

    private ComposeCli() {
    }

    static Result config(Path projectDir, Path envFile, String... composeFiles) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(executable());
        command.add("--env-file");
        command.add(envFile.toAbsolutePath().toString());
        for (String file : composeFiles) {
            command.add("-f");
            command.add(projectDir.resolve(file).toString());
        }
        command.add("config");
        command.add("-q");
        Process process = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("compose config did not finish: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static List<String> executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "docker-compose"))) {
                return List.of("docker-compose");
            }
        }
        throw new AssertionError("docker-compose is needed to check the compose files (run-tests.sh installs Debian's docker-compose)");
    }
}
