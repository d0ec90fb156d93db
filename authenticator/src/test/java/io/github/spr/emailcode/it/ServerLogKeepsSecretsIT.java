package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs after all real-server tests (a failsafe execution of its own): the server's log, written with this
 * extension at TRACE and events at DEBUG, contains none of the codes that were mailed and none of the addresses.
 */
class ServerLogKeepsSecretsIT {

    @Test
    void theServerLogHoldsNoCodeAndNoFullAddress() throws IOException {
        assertTrue(Files.isRegularFile(SuiteSecrets.SERVER_LOG), "the suite wrote " + SuiteSecrets.SERVER_LOG);
        String log = Files.readString(SuiteSecrets.SERVER_LOG, StandardCharsets.UTF_8);
        assertTrue(log.contains("email_code=\"code_sent\""), "the log holds this extension's events, so it is the right log");
        assertTrue(log.contains("email_code=\"validated\""), "successful logins were logged (events at DEBUG)");

        List<String> codes = SuiteSecrets.codes();
        List<String> addresses = SuiteSecrets.addresses();
        assertFalse(codes.isEmpty(), "the suite mailed codes");
        assertFalse(addresses.isEmpty(), "the suite used addresses");

        String lowerLog = log.toLowerCase(Locale.ROOT);
        for (String address : addresses) {
            assertFalse(lowerLog.contains(address.toLowerCase(Locale.ROOT)), "address in the server log: " + address);
        }
        for (String code : codes) {
            // A code is a whole token: the digits of a timestamp or an id do not count.
            assertFalse(Pattern.compile("(?<![0-9])" + code + "(?![0-9])").matcher(log).find(), "code in the server log: " + code);
        }
    }
}
