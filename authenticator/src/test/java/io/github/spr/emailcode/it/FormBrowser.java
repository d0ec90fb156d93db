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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    /** Guarded by itself: {@link #submitAll} answers several requests at once. */
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

    /**
     * Posts each of {@code forms} to the form {@code formId} of {@code page} at the same moment, as a user who clicks
     * a button many times, or a script, would; follows each answer's redirects and returns the pages in order.
     */
    public List<Page> submitAll(Page page, String formId, List<Map<String, String>> forms) {
        String action = page.formAction(formId);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(forms.size());
        try {
            List<Future<Page>> answers = new ArrayList<>();
            for (Map<String, String> form : forms) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(action, form);
                }));
            }
            start.countDown();
            List<Page> pages = new ArrayList<>();
            for (Future<Page> answer : answers) {
                pages.add(answer.get(60, TimeUnit.SECONDS));
            }
            return pages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a parallel post failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public void forgetCookies() {
        synchronized (cookiesByHost) {
            cookiesByHost.clear();
        }
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
        String host = probe.uri().getHost();
        synchronized (cookiesByHost) {
            Map<String, String> cookies = cookiesByHost.computeIfAbsent(host, h -> new LinkedHashMap<>());
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            synchronized (cookiesByHost) {
                Map<String, String> cookies = cookiesByHost.computeIfAbsent(host, h -> new LinkedHashMap<>());
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
