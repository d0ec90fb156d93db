package io.github.spr.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads codes from a mail catcher through Mailpit's API ({@code GET /api/v1/message/latest}), which the official
 * Mailpit image and the stand-in both serve.
 */
final class MailpitInbox {

    /** The code stands alone on its line in the text part (themes/spr/email/text/email-code.ftl). */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    MailpitInbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The code in the newest message, once one to {@code recipient} has arrived. */
    String latestCodeFor(String recipient, Duration timeout) throws IOException, InterruptedException {
        URI latest = URI.create(baseUrl + "/api/v1/message/latest");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(latest).build(), HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode message = JSON.readTree(response.body());
                Matcher code = CODE_LINE.matcher(message.path("Text").asText());
                if (message.path("To").path(0).path("Address").asText().equals(recipient) && code.find()) {
                    return code.group(1);
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no code mail to " + recipient + " reached " + baseUrl + " within " + timeout + "; last answer: " + last);
    }
}
