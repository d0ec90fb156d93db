package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The test server's log file (SprServerConfig), read the way an admin reads it. */
final class ServerLog {

    private ServerLog() {
    }

    /** Lines written so far: a test that looks for a new line counts from here. */
    static int length() {
        return lines().size();
    }

    /** Waits until a line written after {@code from} matches, and returns it. */
    static String awaitLine(int from, Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = lines();
            for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
                if (matches.test(line)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        return fail("no such line in " + SuiteSecrets.SERVER_LOG + " within " + timeout);
    }

    static long count(int from, Predicate<String> matches) {
        List<String> lines = lines();
        return lines.subList(Math.min(from, lines.size()), lines.size()).stream().filter(matches).count();
    }

    private static List<String> lines() {
        try {
            return Files.exists(SuiteSecrets.SERVER_LOG) ? Files.readAllLines(SuiteSecrets.SERVER_LOG, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
