package io.github.spr.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak distribution running as a child process whose output goes to a log file. Used by the local run and by
 * every harness that needs a real server of some 26.x version (compatibility matrix, cluster, benchmark).
 */
public final class KeycloakProcess {

    private final Path home;
    private final Path logFile;
    private Process process;

    public KeycloakProcess(Path home, Path logFile) {
        this.home = home;
        this.logFile = logFile;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return logFile;
    }

    /** Runs {@code bin/kc.sh} with {@code arguments}; {@code environment} is added to this JVM's environment. */
    public void start(List<String> arguments, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(home.resolve("bin/kc.sh").toString());
        builder.command().addAll(arguments);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = builder.start();
    }

    /** Waits until {@code readyUrl} answers 200, the process dies, or the timeout passes. */
    public boolean awaitReady(String readyUrl, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(readyUrl)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        return false;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** The server's own JVM (kc.sh runs it as a child), for reading its CPU time or killing it alone. */
    public Optional<ProcessHandle> serverJvm() {
        if (process == null) {
            return Optional.empty();
        }
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst()
                .or(() -> Optional.of(process.toHandle()));
    }

    /** Stops the whole process tree the way Ctrl-C would (SIGTERM), forcibly after 20 seconds. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // kc.sh runs the server JVM as its child; stop the whole tree so nothing keeps the ports.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        awaitExit(Duration.ofSeconds(20));
    }

    /** SIGKILL to the whole tree at once: a node lost without any chance to leave its cluster cleanly. */
    public void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
