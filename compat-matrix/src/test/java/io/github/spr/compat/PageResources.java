package io.github.spr.compat;

import io.github.spr.emailcode.it.FormBrowser.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page loads besides itself: its stylesheets, icons and scripts, the modules those scripts import, and what
 * those stylesheets import or point at (images, fonts). A theme that names a file its parent theme lacks on some
 * version renders fine as HTML and is still broken, so each of these must answer 200.
 */
final class PageResources {

    private static final Pattern LINK_OR_SCRIPT = Pattern.compile("<(?:link|script)\\b[^>]*?\\b(?:href|src)=\"([^\"]+)\"");
    /** {@code import x from "./a.js"}, {@code import "./a.js"}, {@code export ... from "./a.js"}: relative module paths. */
    private static final Pattern MODULE_IMPORT = Pattern.compile("(?:\\bfrom|\\bimport)\\s*[\"'](\\.{1,2}/[^\"']+)[\"']");
    /** {@code url(...)} (not {@code data:}) and {@code @import "..."} in a stylesheet. */
    private static final Pattern CSS_REFERENCE = Pattern.compile("url\\(\\s*[\"']?(?!data:)([^\"')\\s]+)|@import\\s+[\"']([^\"']+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The status of every resource {@code pages} load, directly or through imports, by URL. */
    Map<URI, Integer> statuses(Iterable<Page> pages) {
        Map<URI, Integer> statuses = new LinkedHashMap<>();
        Deque<URI> toFetch = new ArrayDeque<>();
        for (Page page : pages) {
            Matcher matcher = LINK_OR_SCRIPT.matcher(page.body());
            while (matcher.find()) {
                toFetch.add(page.uri().resolve(matcher.group(1).replace("&amp;", "&")));
            }
        }
        while (!toFetch.isEmpty()) {
            URI uri = toFetch.poll();
            if (statuses.containsKey(uri) || !uri.toString().startsWith(VersionedKeycloak.URL)) {
                continue;
            }
            HttpResponse<String> response = get(uri);
            statuses.put(uri, response.statusCode());
            if (response.statusCode() == 200) {
                Pattern references = uri.getPath().endsWith(".js") ? MODULE_IMPORT : uri.getPath().endsWith(".css") ? CSS_REFERENCE : null;
                if (references != null) {
                    Matcher matcher = references.matcher(response.body());
                    while (matcher.find()) {
                        toFetch.add(uri.resolve(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
                    }
                }
            }
        }
        return statuses;
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
