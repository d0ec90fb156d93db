package io.github.spr.emailcode.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Every code and address the real-server tests handled, written down so that ServerLogKeepsSecretsIT can look
 * for them in the server's log once the suite is over.
 */
public final class SuiteSecrets {

    static final Path DIR = Path.of("target", "suite-secrets");
    static final Path CODES = DIR.resolve("codes.txt");
    static final Path ADDRESSES = DIR.resolve("addresses.txt");
    /** Where SprServerConfig makes the server write its log, besides the console. */
    public static final Path SERVER_LOG = Path.of("target", "keycloak-server.log");

    private SuiteSecrets() {
    }

    static void code(String code) {
        append(CODES, code);
    }

    static void address(String address) {
        append(ADDRESSES, address);
    }

    static List<String> codes() {
        return read(CODES);
    }

    static List<String> addresses() {
        return read(ADDRESSES);
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).distinct().toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
