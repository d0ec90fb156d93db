package io.github.spr.emailcode.it;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser reduced to HTTP: it keeps cookies, follows redirects and posts forms, and it shows status codes, which
 * a WebDriver hides. Used to send what no well-behaved page sends (junk, replays, floods) and to see every answer.
 * Keycloak's cookies are Secure; like browsers, and unlike Java's CookieManager, it sends them to http://localhost.
 */
public final class FormBrowser {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, Map<String, String>> cookiesByHost = new HashMap<>();
    private final java.util.function.Predicate<URI> follow;

    public FormBrowser() {
        this(uri -> true);
    }

    /** @param follow which redirect targets to request; a redirect elsewhere (e.g. to an app that is not running) ends as a Page with status 302 */
    public FormBrowser(java.util.function.Predicate<URI> follow) {
        this.follow = follow;
    }

    /** One answer after all redirects were followed. */
    public record Page(URI uri, int status, String body) {

        public Optional<String> pageId() {
            Matcher matcher = Pattern.compile("data-page-id=\"([^\"]+)\"").matcher(body);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        public String formAction(String formId) {
            Matcher form = Pattern.compile("<form[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(body);
            if (!form.find()) {
                throw new AssertionError("no form " + formId + " at " + uri + ":\n" + body);
            }
            Matcher action = Pattern.compile("\\baction=\"([^\"]+)\"").matcher(form.group());
            if (!action.find()) {
                throw new AssertionError("form " + formId + " has no action: " + form.group());
            }
            return action.group(1).replace("&amp;", "&");
        }
    }

    public Page get(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    public Page post(String url, Map<String, String> form) {
        return follow(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))));
    }

    public Page submit(Page page, String formId, Map<String, String> fields) {
        return post(page.formAction(formId), fields);
    }

    public void forgetCookies() {
        cookiesByHost.clear();
    }

    private Page follow(HttpResponse<String> response) {
        int hops = 0;
        while (response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent() && hops++ < 10) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").get());
            if (!follow.test(next)) {
                return new Page(next, response.statusCode(), "");
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return new Page(response.uri(), response.statusCode(), response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest probe = builder.copy().build();
        Map<String, String> cookies = cookiesByHost.computeIfAbsent(probe.uri().getHost(), h -> new LinkedHashMap<>());
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String[] pair = setCookie.split(";", 2)[0].split("=", 2);
                if (pair.length == 2) {
                    if (setCookie.toLowerCase().contains("max-age=0") || pair[1].isEmpty()) {
                        cookies.remove(pair[0].trim());
                    } else {
                        cookies.put(pair[0].trim(), pair[1].trim());
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
