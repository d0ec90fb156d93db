package io.github.spr.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until Keycloak serves the imported realm. The compose health check (management {@code /health/ready}) turns
 * healthy while Keycloak still bootstraps (imports the realm, creates the admin) and answers 503 "Bootstrap in
 * progress" to everything else; a test that talks to the realm waits for this as well.
 */
final class PortalRealm {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PortalRealm() {
    }

    static void awaitServed(String keycloakUrl, Duration timeout) {
        URI discovery = URI.create(keycloakUrl + "/realms/portal/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(discovery + " not served within " + timeout + "; last answer: " + last);
    }
}
