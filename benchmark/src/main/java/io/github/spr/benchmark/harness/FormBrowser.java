package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One login's worth of browser over plain HTTP: its own cookies, forms posted to the page's action URL, redirects
 * not followed. Many of these share one {@link HttpClient}, which keeps no cookies itself.
 */
public final class FormBrowser {

    /** Every page of a login flow posts to Keycloak's login-actions URL. */
    private static final Pattern LOGIN_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public FormBrowser(HttpClient http) {
        this.http = http;
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The action URL of the page's login form, HTML-unescaped. */
    public static String formAction(String html) {
        Matcher matcher = LOGIN_ACTION.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no login form on the page");
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((k, v) -> header.add(k + "=" + v));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
