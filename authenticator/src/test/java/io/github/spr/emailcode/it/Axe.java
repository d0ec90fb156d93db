package io.github.spr.emailcode.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (from the npm registry, installed by the build into src/test/browser) in the page the browser
 * shows, and fails on any serious or critical violation. Every run's full result is kept under target/axe.
 */
final class Axe {

    private static final Path SCRIPT = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    private static final Path REPORTS = Path.of("target", "axe");

    private Axe() {
    }

    static void assertNoSeriousOrCriticalViolations(WebDriver driver, String page) {
        List<Map<String, Object>> violations = run(driver, page);
        List<String> blocking = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " " + targets(v))
                .toList();
        assertTrue(blocking.isEmpty(), "axe on " + page + ":\n" + String.join("\n", blocking));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> run(WebDriver driver, String page) {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException(SCRIPT + " is missing: the build installs it with `npm ci` in src/test/browser");
        }
        try {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            js.executeScript(Files.readString(SCRIPT, StandardCharsets.UTF_8));
            Object json = js.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']})"
                            + ".then(r => done(JSON.stringify(r.violations)))"
                            + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));");
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(page + ".json"), String.valueOf(json), StandardCharsets.UTF_8);
            return JsonSerialization.readValue(String.valueOf(json), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String targets(Map<String, Object> violation) {
        Object nodes = violation.get("nodes");
        if (!(nodes instanceof List<?> list)) {
            return "";
        }
        return list.stream().map(n -> String.valueOf(((Map<String, Object>) n).get("target"))).collect(Collectors.joining(", "));
    }
}
