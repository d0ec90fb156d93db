package io.github.spr.benchmark.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark adds to the imported portal realm, through the admin REST API and only in the benchmark's
 * database: two clients whose browser flow is overridden (password only; Keycloak's OTP form) and the users.
 * The portal client and its email-code flow stay exactly as shipped.
 */
public final class BenchmarkRealm {

    public static final String REALM = "portal";
    public static final String PASSWORD_ONLY_FLOW = "bench-password-only";
    private static final String STOCK_BROWSER_FLOW = "browser";
    private static final String TEMPLATE_USER = "bench-template";
    private static final int IMPORT_BATCH = 500;

    private final AdminClient admin;
    private final PrintStream out;

    public BenchmarkRealm(AdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    public void setUp(int accounts, String portalUrl) throws IOException, InterruptedException, SQLException {
        createPasswordOnlyFlow();
        Map<String, String> flowIds = flowIds();
        createClient(Flow.PASSWORD.clientId, portalUrl, flowIds.get(PASSWORD_ONLY_FLOW));
        createClient(Flow.OTP.clientId, portalUrl, flowIds.get(STOCK_BROWSER_FLOW));
        importUsers(accounts);
    }

    /** Keycloak's browser flow minus the conditional sub-flow that holds the OTP form. */
    private void createPasswordOnlyFlow() throws IOException, InterruptedException {
        admin.post("/realms/" + REALM + "/authentication/flows/" + STOCK_BROWSER_FLOW + "/copy", Map.of("newName", PASSWORD_ONLY_FLOW));
        JsonNode executions = admin.get("/realms/" + REALM + "/authentication/flows/" + encode(PASSWORD_ONLY_FLOW) + "/executions");
        JsonNode otpParent = null;
        for (int i = 0; i < executions.size(); i++) {
            JsonNode execution = executions.get(i);
            if ("auth-otp-form".equals(execution.path("providerId").asText())) {
                int level = execution.path("level").asInt();
                for (int j = i - 1; j >= 0; j--) {
                    if (executions.get(j).path("authenticationFlow").asBoolean() && executions.get(j).path("level").asInt() == level - 1) {
                        otpParent = executions.get(j);
                        break;
                    }
                }
            }
        }
        if (otpParent == null) {
            throw new IllegalStateException("no OTP sub-flow found in the copy of the browser flow: " + executions);
        }
        admin.delete("/realms/" + REALM + "/authentication/executions/" + otpParent.path("id").asText());
        List<String> left = new ArrayList<>();
        admin.get("/realms/" + REALM + "/authentication/flows/" + encode(PASSWORD_ONLY_FLOW) + "/executions")
                .forEach(e -> left.add(e.path("displayName").asText() + " (" + e.path("requirement").asText() + ")"));
        out.println("[setup] flow " + PASSWORD_ONLY_FLOW + ": removed '" + otpParent.path("displayName").asText() + "', left " + left);
    }

    private Map<String, String> flowIds() throws IOException, InterruptedException {
        Map<String, String> ids = new HashMap<>();
        admin.get("/realms/" + REALM + "/authentication/flows").forEach(f -> ids.put(f.path("alias").asText(), f.path("id").asText()));
        return ids;
    }

    /** Like the shipped portal client (public, PKCE S256, same redirect URIs), with its own browser flow. */
    private void createClient(String clientId, String portalUrl, String browserFlowId) throws IOException, InterruptedException {
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("rootUrl", portalUrl);
        client.put("redirectUris", List.of(portalUrl + "/*"));
        client.put("webOrigins", List.of(portalUrl));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        client.put("authenticationFlowBindingOverrides", Map.of("browser", browserFlowId));
        admin.post("/realms/" + REALM + "/clients", client);
    }

    /**
     * Every user gets the same stored password hash (made once by Keycloak for a template user, with the realm's
     * real algorithm, so a benchmark login verifies a real hash) and a TOTP credential.
     */
    private void importUsers(int count) throws IOException, InterruptedException, SQLException {
        Map<String, Object> template = user(TEMPLATE_USER, TEMPLATE_USER + "@bench.example");
        template.put("credentials", List.of(Map.of("type", "password", "value", Account.PASSWORD, "temporary", false)));
        admin.post("/realms/" + REALM + "/users", template);
        BenchmarkDatabase.StoredCredential password = BenchmarkDatabase.passwordOf(REALM, TEMPLATE_USER);
        out.println("[setup] password hash of every user: " + password.credentialData());

        long started = System.nanoTime();
        for (int from = 0; from < count; from += IMPORT_BATCH) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (int n = from; n < Math.min(count, from + IMPORT_BATCH); n++) {
                Account account = Account.number(n);
                Map<String, Object> user = user(account.username(), account.email());
                user.put("credentials", List.of(
                        Map.of("type", "password", "secretData", password.secretData(), "credentialData", password.credentialData()),
                        Map.of("type", "otp", "userLabel", "benchmark",
                                "secretData", "{\"value\":\"" + account.totpSecret() + "\"}",
                                "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}")));
                users.add(user);
            }
            admin.post("/realms/" + REALM + "/partialImport", Map.of("ifResourceExists", "FAIL", "users", users));
        }
        out.printf("[setup] %d users imported in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    /** A complete profile (email, first and last name), so no login stops at Keycloak's update-profile page. */
    private static Map<String, Object> user(String username, String email) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("firstName", "Bench");
        user.put("lastName", username);
        user.put("enabled", true);
        return user;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
