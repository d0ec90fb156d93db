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
import java.util.concurrent.TimeUnit;

/** The Keycloak distribution, started in dev mode as a child process whose output goes to a log file. */
final class KeycloakProcess {

    private final Path home;
    private final Path logFile;
    private Process process;

    KeycloakProcess(Path home, Path logFile) {
        this.home = home;
        this.logFile = logFile;
    }

    void start(List<String> arguments, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(home.resolve("bin/kc.sh").toString());
        builder.command().addAll(arguments);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        process = builder.start();
    }

    /** Waits until {@code readyUrl} answers 200, the process dies, or the timeout passes. */
    boolean awaitReady(String readyUrl, Duration timeout) throws InterruptedException {
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

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        // kc.sh runs the server JVM as its child; stop the whole tree so nothing keeps the ports.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
