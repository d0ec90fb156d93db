package io.github.spr.benchmark.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Keycloak's admin REST API as the bootstrap admin, through the master realm's {@code admin-cli} client. */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Master's access tokens live 60 s; a fresh one well before that keeps long setups (user imports) simple. */
    private static final long TOKEN_REUSE_NANOS = Duration.ofSeconds(30).toNanos();

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private long tokenAt;

    public AdminClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET());
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    /** @return the response, whose Location names what was created */
    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        expect(response, 200, 201, 204);
        return response;
    }

    public void put(String path, Object body) throws IOException, InterruptedException {
        expect(send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))), 200, 204);
    }

    public void delete(String path) throws IOException, InterruptedException {
        expect(send(request(path).DELETE()), 200, 204);
    }

    public static ObjectMapper json() {
        return JSON;
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin" + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws IOException, InterruptedException {
        if (token != null && System.nanoTime() - tokenAt < TOKEN_REUSE_NANOS) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        token = JSON.readTree(response.body()).path("access_token").asText();
        tokenAt = System.nanoTime();
        return token;
    }

    private static void expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + abbreviate(response.body()));
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
