package io.github.spr.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a container test only where a Docker engine answers ({@code docker info}, the same engine docker-compose and
 * Testcontainers reach through DOCKER_HOST or /var/run/docker.sock); elsewhere the test is skipped, within seconds,
 * with the reason. Asked once per test run.
 */
final class DockerEngine implements ExecutionCondition {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static ConditionEvaluationResult answer;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ask();
    }

    static synchronized ConditionEvaluationResult ask() {
        if (answer == null) {
            answer = probe();
        }
        return answer;
    }

    private static ConditionEvaluationResult probe() {
        if (!Command.onPath("docker")) {
            return ConditionEvaluationResult.disabled("no docker command on PATH: the container tests need a Docker engine "
                    + "(run-tests.sh installs Debian's docker.io and starts dockerd)");
        }
        try {
            Command.Result info = Command.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Path.of("."), Map.of(), DEADLINE);
            if (info.succeeded() && !info.output().isBlank()) {
                return ConditionEvaluationResult.enabled("Docker engine " + info.output().trim());
            }
            return ConditionEvaluationResult.disabled("no Docker engine answers `docker info` (" + firstLine(info.all())
                    + "): the container tests need one (run-tests.sh starts dockerd)");
        } catch (AssertionError e) {
            return ConditionEvaluationResult.disabled("`docker info` did not answer within " + DEADLINE.toSeconds()
                    + " s: the container tests need a Docker engine (run-tests.sh starts dockerd)");
        }
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
