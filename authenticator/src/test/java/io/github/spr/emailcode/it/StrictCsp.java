package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

/** What a Content-Security-Policy without 'unsafe-inline' blocks, looked for in a page's HTML. */
final class StrictCsp {

    /** What Chrome enforces in the browser tests, and what an admin can set on a realm whose login theme is spr. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

    private static final List<Pattern> BLOCKED = List.of(
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE));

    /**
     * Keycloak itself adds this to every page it renders in answer to a form post (BrowserHistoryHelper), so a reload
     * asks again for the current step instead of re-posting. A strict policy blocks it, harmlessly: on the step's own
     * pages email-code.js does the same from a file, elsewhere a reload just offers to re-send the form.
     */
    private static final Pattern KEYCLOAK_HISTORY_SCRIPT = Pattern.compile(
            "<script>\\s*if \\(typeof history\\.replaceState === 'function'\\) \\{.*?</script>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private StrictCsp() {
    }

    static void assertNothingInline(String html, String page) {
        String ours = KEYCLOAK_HISTORY_SCRIPT.matcher(html).replaceAll("");
        List<String> found = BLOCKED.stream().flatMap(p -> p.matcher(ours).results().map(m -> m.group())).toList();
        assertEquals(List.of(), found, page + " has inline code a strict CSP would block");
    }
}
