package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the server's flight recording and tells, per flow, where its CPU samples went, per login: by what the
 * request was doing (rendering a page, sending the mail, hashing the password ...), by the hottest methods, and by
 * which of the extension's methods led there. The differences to password-only are the cost each second factor adds.
 */
public final class JfrSummary {

    /** The recording's sampling period: a sample stands for about this much CPU of one thread. */
    public static final double MILLIS_PER_SAMPLE = 10.0;

    public record Span(long startMillis, long endMillis) {
        boolean contains(long millis) {
            return millis >= startMillis && millis < endMillis;
        }
    }

    /** The windows of one flow, the logins completed in them and the server CPU they took per login. */
    public record Series(String name, List<Span> spans, int logins, double cpuMillisPerLogin) {
    }

    private record Category(String name, Predicate<String> frame) {
    }

    /**
     * What a sampled request was doing, by the first rule (in this order) that one of its frames matches: the order
     * puts the more specific work first (the SMTP hand-off happens inside the mail template provider's send, which
     * itself runs inside the extension).
     */
    private static final List<Category> CATEGORIES = List.of(
            new Category("SMTP hand-off (jakarta.mail, DefaultEmailSenderProvider)",
                    f -> f.startsWith("org.keycloak.email.DefaultEmailSenderProvider") || f.startsWith("jakarta.mail.") || f.startsWith("org.eclipse.angus.mail.")),
            new Category("code mail template (FreeMarkerEmailTemplateProvider)", f -> f.startsWith("org.keycloak.email.freemarker.")),
            new Category("page rendering (FreeMarkerLoginFormsProvider)", f -> f.startsWith("org.keycloak.forms.login.freemarker.")),
            new Category("password hash", f -> f.startsWith("org.keycloak.credential.hash.") || f.contains("Argon2") || f.contains("PBKDF2")),
            new Category("TOTP check", f -> f.startsWith("org.keycloak.models.utils.TimeBasedOTP") || f.startsWith("org.keycloak.models.utils.HmacOTP")),
            new Category("events (store, logging listener)", f -> f.startsWith("org.keycloak.events.")),
            new Category("extension, other (config, limits, MAC, auth notes)", f -> f.startsWith("io.github.spr.")),
            new Category("token/code issuing, redirect (OIDC)", f -> f.startsWith("org.keycloak.protocol.oidc.")),
            new Category("user/realm lookups, sessions (JPA, Infinispan)",
                    f -> f.startsWith("org.hibernate.") || f.startsWith("org.postgresql.") || f.startsWith("io.agroal.")
                            || f.startsWith("org.infinispan.") || f.startsWith("org.keycloak.models.")),
            new Category("authentication flow, other Keycloak", f -> f.startsWith("org.keycloak.")),
            new Category("HTTP stack (Vert.x, Netty, RESTEasy)",
                    f -> f.startsWith("io.vertx.") || f.startsWith("io.netty.") || f.startsWith("org.jboss.resteasy.") || f.startsWith("io.quarkus.")));

    private static final String OTHER = "other (JDK, libraries)";
    private static final String SAMPLED = "sampled, all of the above";
    private static final String NOT_SAMPLED = "not sampled (GC, JIT, native, skipped threads)";
    private static final String MEASURED = "**measured server CPU** (/proc)";

    private static final class Counts {
        int samples;
        final Map<String, Integer> byCategory = new HashMap<>();
        final Map<String, Integer> byLeafMethod = new HashMap<>();
        final Map<String, Integer> byExtensionMethod = new HashMap<>();
    }

    private JfrSummary() {
    }

    public static String summarize(Path recording, List<Series> series, String baselineName) throws IOException {
        Map<String, Counts> counts = new LinkedHashMap<>();
        series.forEach(s -> counts.put(s.name(), new Counts()));
        long truncated = 0;
        long total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                long at = event.getStartTime().toEpochMilli();
                Series owner = series.stream().filter(s -> s.spans().stream().anyMatch(span -> span.contains(at))).findFirst().orElse(null);
                RecordedStackTrace stack = event.getStackTrace();
                if (owner == null || stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                truncated += stack.isTruncated() ? 1 : 0;
                count(counts.get(owner.name()), frames(stack));
            }
        }

        StringBuilder text = new StringBuilder();
        text.append(String.format("CPU samples of the server's Java threads (JFR `jdk.ExecutionSample`, every %.0f ms), %,d in the measured windows "
                + "(%.1f%% with truncated stacks), each counted as %.0f ms. JFR samples only threads running Java code, and not all "
                + "of them, so the samples add up to less than the measured CPU; the rest (GC, JIT, native code, threads the "
                + "sampler skipped) is its own row. Samples per login: ", MILLIS_PER_SAMPLE, total,
                total == 0 ? 0.0 : 100.0 * truncated / total, MILLIS_PER_SAMPLE));
        Map<String, Double> perLogin = new LinkedHashMap<>();
        Map<String, Double> measured = new LinkedHashMap<>();
        for (Series s : series) {
            Counts c = counts.get(s.name());
            text.append(String.format("%s %.1f; ", s.name(), s.logins() == 0 ? Double.NaN : c.samples / (double) s.logins()));
            perLogin.put(s.name(), s.logins() == 0 ? Double.NaN : MILLIS_PER_SAMPLE / s.logins());
            measured.put(s.name(), s.cpuMillisPerLogin());
        }
        text.append("\n\n");

        text.append("**By what the request was doing** (≈ ms of server CPU per login)\n\n");
        text.append("| what | ").append(String.join(" | ", counts.keySet()));
        for (String name : counts.keySet()) {
            if (!name.equals(baselineName)) {
                text.append(" | ").append(name).append(" − ").append(baselineName);
            }
        }
        text.append(" |\n|---|").append("---:|".repeat(counts.size() * 2 - 1)).append('\n');
        List<String> rows = new ArrayList<>(CATEGORIES.stream().map(Category::name).toList());
        rows.add(OTHER);
        rows.add(SAMPLED);
        rows.add(NOT_SAMPLED);
        rows.add(MEASURED);
        for (String row : rows) {
            text.append("| ").append(row);
            for (String name : counts.keySet()) {
                text.append(String.format(" | %.1f", value(counts.get(name), row, perLogin.get(name), measured.get(name))));
            }
            for (String name : counts.keySet()) {
                if (!name.equals(baselineName)) {
                    text.append(String.format(" | %+.1f", value(counts.get(name), row, perLogin.get(name), measured.get(name))
                            - value(counts.get(baselineName), row, perLogin.get(baselineName), measured.get(baselineName))));
                }
            }
            text.append(" |\n");
        }

        for (String name : counts.keySet()) {
            if (name.equals(baselineName)) {
                continue;
            }
            text.append("\n**Hottest methods (the sampled frame itself): ").append(name).append(" minus ").append(baselineName)
                    .append("** (≈ ms per login; top 15 by added)\n\n");
            text.append(diffTable(counts.get(name).byLeafMethod, perLogin.get(name), counts.get(baselineName).byLeafMethod, perLogin.get(baselineName), 15));
        }
        for (String name : counts.keySet()) {
            Map<String, Integer> ours = counts.get(name).byExtensionMethod;
            if (ours.isEmpty()) {
                continue;
            }
            text.append("\n**Extension methods the samples came through: ").append(name)
                    .append("** (innermost io.github.spr frame; includes what it calls into Keycloak; ≈ ms per login)\n\n");
            text.append("| method | ms/login |\n|---|---:|\n");
            ours.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                    .forEach(e -> text.append(String.format("| `%s` | %.2f |%n", e.getKey(), e.getValue() * perLogin.get(name))));
        }
        return text.toString();
    }

    private static double value(Counts counts, String row, double msPerSample, double measuredMillis) {
        double sampled = counts.samples * msPerSample;
        return switch (row) {
            case SAMPLED -> sampled;
            case NOT_SAMPLED -> measuredMillis - sampled;
            case MEASURED -> measuredMillis;
            default -> counts.byCategory.getOrDefault(row, 0) * msPerSample;
        };
    }

    private static String diffTable(Map<String, Integer> a, double aPerLogin, Map<String, Integer> b, double bPerLogin, int limit) {
        Map<String, Double> added = new HashMap<>();
        a.forEach((k, v) -> added.merge(k, v * aPerLogin, Double::sum));
        b.forEach((k, v) -> added.merge(k, -v * bPerLogin, Double::sum));
        StringBuilder text = new StringBuilder("| method | added ms/login |\n|---|---:|\n");
        added.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).limit(limit)
                .forEach(e -> text.append(String.format("| `%s` | %+.2f |%n", e.getKey(), e.getValue())));
        return text.toString();
    }

    private static void count(Counts counts, List<String> frames) {
        counts.samples++;
        String category = OTHER;
        search:
        for (Category candidate : CATEGORIES) {
            for (String frame : frames) {
                if (candidate.frame().test(frame)) {
                    category = candidate.name();
                    break search;
                }
            }
        }
        counts.byCategory.merge(category, 1, Integer::sum);
        counts.byLeafMethod.merge(frames.get(0), 1, Integer::sum);
        frames.stream().filter(f -> f.startsWith("io.github.spr.")).findFirst()
                .ifPresent(f -> counts.byExtensionMethod.merge(f, 1, Integer::sum));
    }

    /** Leaf first: {@code package.Class.method}. */
    private static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>(stack.getFrames().size());
        for (RecordedFrame frame : stack.getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        return frames;
    }
}
