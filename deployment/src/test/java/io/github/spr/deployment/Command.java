package io.github.spr.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external command (docker, docker-compose) with a deadline. Output goes through a file, so a chatty
 * command (a build, a log dump) can never block on a full pipe; standard error is kept apart for binary output.
 */
final class Command {

    record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {

        String output() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Standard output and error, for messages. */
        String all() {
            return output() + stderr;
        }

        boolean succeeded() {
            return exitCode == 0;
        }

        Result orFail(String what) {
            if (!succeeded()) {
                throw new AssertionError(what + " failed (exit " + exitCode + "): " + String.join(" ", command) + "\n" + all());
            }
            return this;
        }
    }

    private Command() {
    }

    static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("command", ".out");
            err = Files.createTempFile("command", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("did not finish within " + timeout + ": " + String.join(" ", command) + "\n" + Files.readString(err));
            }
            return new Result(command, process.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    static boolean onPath(String executable) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is no reason to fail a test
            }
        }
    }
}
