package io.github.spr.localrun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the package-room portal: a public OIDC client with PKCE, so the local run ends where a real
 * sign-in ends, back at the portal with the user's identity. Demo only; it keeps its state in memory.
 */
final class DemoPortal {

    private final String portalUrl;
    private final String realmUrl;
    private final String clientId;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pkce> pendingLogins = new ConcurrentHashMap<>();
    private final Map<String, String> signedIn = new ConcurrentHashMap<>();
    private HttpServer server;

    DemoPortal(String portalUrl, String realmUrl, String clientId) {
        this.portalUrl = portalUrl;
        this.realmUrl = realmUrl;
        this.clientId = clientId;
    }

    void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> home(exchange);
                case "/login" -> login(exchange);
                case "/callback" -> callback(exchange);
                case "/logout" -> logout(exchange);
                default -> page(exchange, 404, "<p>Not found.</p>");
            }
        } catch (Exception e) {
            page(exchange, 500, "<p>The demo portal failed: " + escape(e.getMessage()) + "</p><p><a href=\"/\">Home</a></p>");
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        String user = signedIn.get(sessionOf(exchange));
        if (user == null) {
            page(exchange, 200, "<p>You are not signed in.</p><p><a class=\"button\" href=\"/login\">Sign in</a></p>");
        } else {
            page(exchange, 200, "<p>Signed in as <strong>" + escape(user) + "</strong> through the email code step.</p>"
                    + "<p><a href=\"/logout\">Sign out</a></p>");
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        String state = token();
        Pkce pkce = Pkce.create();
        pendingLogins.put(state, pkce);
        redirect(exchange, realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid%20email%20profile"
                + "&client_id=" + encode(clientId) + "&redirect_uri=" + encode(callbackUrl()) + "&state=" + state
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256", null);
    }

    private void callback(HttpExchange exchange) throws IOException, InterruptedException {
        Map<String, String> query = query(exchange.getRequestURI());
        Pkce pkce = pendingLogins.remove(query.getOrDefault("state", ""));
        if (pkce == null || !query.containsKey("code")) {
            page(exchange, 400, "<p>This sign-in response is unknown or incomplete: "
                    + escape(query.getOrDefault("error_description", query.getOrDefault("error", "no code"))) + "</p><p><a href=\"/\">Home</a></p>");
            return;
        }
        String form = "grant_type=authorization_code&code=" + encode(query.get("code")) + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(callbackUrl()) + "&code_verifier=" + pkce.verifier();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            page(exchange, 502, "<p>The token exchange failed (" + response.statusCode() + ").</p><p><a href=\"/\">Home</a></p>");
            return;
        }
        String session = token();
        signedIn.put(session, describe(claims(jsonString(response.body(), "id_token"))));
        redirect(exchange, portalUrl + "/", "portal_session=" + session + "; Path=/; HttpOnly; SameSite=Lax");
    }

    private void logout(HttpExchange exchange) throws IOException {
        signedIn.remove(sessionOf(exchange));
        redirect(exchange, realmUrl + "/protocol/openid-connect/logout?client_id=" + encode(clientId)
                + "&post_logout_redirect_uri=" + encode(portalUrl + "/"), "portal_session=; Path=/; Max-Age=0");
    }

    private String callbackUrl() {
        return portalUrl + "/callback";
    }

    private static String describe(String claims) {
        String name = jsonString(claims, "name");
        String email = jsonString(claims, "email");
        return (name == null ? "" : name + " ") + "<" + (email == null ? "?" : email) + ">";
    }

    private static String claims(String jwt) {
        if (jwt == null || jwt.split("\\.").length < 2) {
            return "{}";
        }
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** Enough JSON for a demo: reads one top-level string member. */
    private static String jsonString(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    private String sessionOf(HttpExchange exchange) {
        String cookies = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookies == null) {
            return "";
        }
        for (String cookie : cookies.split(";")) {
            String[] pair = cookie.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("portal_session")) {
                return pair[1];
            }
        }
        return "";
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location, String cookie) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        if (cookie != null) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie);
        }
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] html = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Package Room Portal (demo)</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}"
                + ".button{display:inline-block;padding:.6rem 1.2rem;background:#0b5cad;color:#fff;border-radius:4px;text-decoration:none}</style>"
                + "</head><body><h1>Package Room Portal</h1>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, html.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(html);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
