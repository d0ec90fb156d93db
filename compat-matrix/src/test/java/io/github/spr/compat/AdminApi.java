package io.github.spr.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * The few admin REST calls the matrix needs, on the portal realm, as the bootstrap admin. Realm settings travel as
 * plain maps of only the changed fields, so this 26.7 client never sends a field an older server does not know.
 */
final class AdminApi {

    private static final String REALM = VersionedKeycloak.URL + "/admin/realms/portal";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Creates an enabled user with a verified address at acme.example and a password; returns it. */
    TestUser createUser(String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@acme.example");
        user.setEmailVerified(true);
        // Without first and last name the default user profile sends the user to "update profile" after the code.
        user.setFirstName("Matrix");
        user.setLastName("User");
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        HttpResponse<String> response = send(request(REALM + "/users").POST(json(user)));
        expect(201, response);
        String location = response.headers().firstValue("Location").orElseThrow();
        return new TestUser(location.substring(location.lastIndexOf('/') + 1), username, user.getEmail(), password);
    }

    /** The current values of {@code fields} in the realm's representation. */
    Map<String, Object> realmFields(Iterable<String> fields) {
        HttpResponse<String> response = send(request(REALM).GET());
        expect(200, response);
        Map<String, Object> realm = read(response.body());
        Map<String, Object> values = new HashMap<>();
        fields.forEach(field -> values.put(field, realm.get(field)));
        return values;
    }

    /** A partial update: only {@code fields} change. */
    void updateRealm(Map<String, Object> fields) {
        expect(204, send(request(REALM).PUT(json(fields))));
    }

    /** What the admin console's "Add step" offers: the ids of the authenticators this server knows. */
    List<String> authenticatorIds() {
        HttpResponse<String> response = send(request(REALM + "/authentication/authenticator-providers").GET());
        expect(200, response);
        return readList(response.body()).stream().map(provider -> String.valueOf(provider.get("id"))).toList();
    }

    /** The settings form the admin console shows for authenticator {@code id}: one map per property. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> authenticatorSettings(String id) {
        HttpResponse<String> response = send(request(REALM + "/authentication/config-description/" + id).GET());
        expect(200, response);
        return (List<Map<String, Object>>) read(response.body()).get("properties");
    }

    /** Whether brute-force detection currently locks {@code user} out. */
    boolean isLockedOut(TestUser user) {
        return Boolean.TRUE.equals(bruteForceStatus(user).get("disabled"));
    }

    /** The login failures brute-force detection has recorded for {@code user}. */
    int recordedFailures(TestUser user) {
        Object failures = bruteForceStatus(user).get("numFailures");
        return failures == null ? 0 : ((Number) failures).intValue();
    }

    private Map<String, Object> bruteForceStatus(TestUser user) {
        HttpResponse<String> response = send(request(REALM + "/attack-detection/brute-force/users/" + user.id()).GET());
        expect(200, response);
        return read(response.body());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json");
    }

    /** A new token per call: the master realm's tokens live 60 seconds, shorter than a version's scenarios. */
    private String token() {
        String form = "grant_type=password&client_id=admin-cli"
                + "&username=" + URLEncoder.encode(VersionedKeycloak.ADMIN_USER, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(VersionedKeycloak.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(VersionedKeycloak.URL + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(200, response);
        return (String) read(response.body()).get("access_token");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JsonSerialization.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        try {
            return JsonSerialization.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readList(String json) {
        try {
            return JsonSerialization.readValue(json, List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
    }
}
