package io.github.spr.clustertest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin REST API of one node, as the bootstrap admin (master realm, {@code admin-cli}): users, the email step's
 * settings and the realm's brute-force settings of the portal realm. Reads show what that node's caches hold, which
 * is how a test sees that a change made on one node has reached the other.
 */
final class PortalAdmin {

    static final String FLOW = "portal-browser-forms";
    private static final String STEP = "email-code";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private long tokenValidUntil;

    PortalAdmin(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** A verified user who signs in with {@code email} and {@code password}; returns its id. */
    String createUser(String username, String email, String password) {
        Map<String, Object> user = Map.of("username", username, "email", email, "emailVerified", true, "enabled", true,
                "firstName", "Cluster", "lastName", "Tester",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> response = send("POST", "/admin/realms/portal/users", user, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The settings of the email step in the portal's browser flow. */
    Map<String, String> stepConfig() {
        JsonNode config = json(send("GET", configPath(), null, 200)).get("config");
        return JSON.convertValue(config, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    /** Replaces the step's settings with {@code config}. */
    void replaceStepConfig(Map<String, String> config) {
        String path = configPath();
        Map<String, Object> representation = JSON.convertValue(json(send("GET", path, null, 200)), new TypeReference<LinkedHashMap<String, Object>>() { });
        representation.put("config", config);
        send("PUT", path, representation, 204);
    }

    /** The realm's representation (its brute-force settings among others). */
    Map<String, Object> realm() {
        return JSON.convertValue(json(send("GET", "/admin/realms/portal", null, 200)), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** Changes only the given realm attributes (the admin API leaves attributes it is not sent as they are). */
    void updateRealm(Map<String, Object> changes) {
        send("PUT", "/admin/realms/portal", changes, 204);
    }

    /** Keycloak's brute-force record of a user: {@code disabled}, {@code numFailures}, ... */
    Map<String, Object> bruteForceStatus(String userId) {
        return JSON.convertValue(json(send("GET", "/admin/realms/portal/attack-detection/brute-force/users/" + userId, null, 200)),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private String configPath() {
        JsonNode executions = json(send("GET", "/admin/realms/portal/authentication/flows/" + FLOW + "/executions", null, 200));
        for (JsonNode execution : executions) {
            if (STEP.equals(execution.path("providerId").asText()) && execution.hasNonNull("authenticationConfig")) {
                return "/admin/realms/portal/authentication/config/" + execution.get("authenticationConfig").asText();
            }
        }
        throw new IllegalStateException("no configured " + STEP + " step in flow " + FLOW + ": " + executions);
    }

    private HttpResponse<String> send(String method, String path, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + baseUrl + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() throws IOException, InterruptedException {
        if (token != null && System.currentTimeMillis() < tokenValidUntil) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no admin token from " + baseUrl + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode tokens = JSON.readTree(response.body());
        token = tokens.get("access_token").asText();
        // The master realm's tokens live 60 s; take a new one well before that.
        tokenValidUntil = System.currentTimeMillis() + Math.max(5, tokens.path("expires_in").asLong(60) - 20) * 1000L;
        return token;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
