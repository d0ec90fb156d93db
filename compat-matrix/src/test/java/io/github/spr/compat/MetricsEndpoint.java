package io.github.spr.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's Prometheus endpoint on the management port, where ops read the step's counters. */
final class MetricsEndpoint {

    private static final URI METRICS = URI.create("http://localhost:" + VersionedKeycloak.MANAGEMENT_PORT + "/metrics");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The sum of {@code name}'s samples for the portal realm that carry {@code label} (e.g. {@code kind="first"}), or any if null; 0 before the first increment. */
    double portalCounter(String name, String label) {
        double total = 0;
        for (String line : scrape().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find() && sample.group(1).equals(name) && sample.group(2).contains("realm=\"portal\"")
                    && (label == null || sample.group(2).contains(label))) {
                total += Double.parseDouble(sample.group(3));
            }
        }
        return total;
    }

    private String scrape() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(METRICS).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(METRICS + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
