package io.github.spr.emailcode.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every text the extension and the spr theme add exists in every shipped language, with the same placeholders,
 * and survives Keycloak's MessageFormat (where a lone apostrophe silently eats text).
 */
class MessageBundlesTest {

    /** The twelve languages; file suffixes as Keycloak loads them (zh-CN is read from messages_zh_CN). */
    static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "ja", "zh_CN");

    static Stream<Path> bundleDirectories() {
        return Stream.of(
                Path.of("src/main/resources/theme-resources/messages"),
                Path.of("../themes/spr/login/messages"));
    }

    @ParameterizedTest
    @MethodSource("bundleDirectories")
    void everyLanguageIsShipped(Path directory) throws IOException {
        assertEquals(new TreeSet<>(LANGUAGES), languagesIn(directory), directory.toString());
    }

    @ParameterizedTest
    @MethodSource("bundleDirectories")
    void everyLanguageHasEveryKeyAndNoOther(Path directory) throws IOException {
        Set<String> english = load(directory, "en").stringPropertyNames();
        for (String language : LANGUAGES) {
            Set<String> keys = load(directory, language).stringPropertyNames();
            assertEquals(new TreeSet<>(english), new TreeSet<>(keys), directory + " " + language);
        }
    }

    @ParameterizedTest
    @MethodSource("bundleDirectories")
    void everyTranslationHasTheSamePlaceholdersAsEnglish(Path directory) throws IOException {
        Properties english = load(directory, "en");
        for (String language : LANGUAGES) {
            Properties translated = load(directory, language);
            for (String key : english.stringPropertyNames()) {
                assertEquals(placeholders(english.getProperty(key)), placeholders(translated.getProperty(key)),
                        directory + " " + language + " " + key);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bundleDirectories")
    void everyTextSurvivesMessageFormat(Path directory) throws IOException {
        for (String language : LANGUAGES) {
            Properties messages = load(directory, language);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                assertFalse(text.isBlank(), language + " " + key + " is empty");
                Matcher lone = Pattern.compile("(?<!')'(?!')").matcher(text.replace("''", ""));
                assertFalse(lone.find(), language + " " + key + ": write an apostrophe as '' or MessageFormat drops text: " + text);
                Object[] args = placeholders(text).stream().map(i -> "ARG" + i).toArray();
                String formatted = new MessageFormat(text, Locale.forLanguageTag(language.replace('_', '-'))).format(args);
                assertFalse(formatted.contains("{") || formatted.contains("}"), language + " " + key + " formats to " + formatted);
            }
        }
    }

    @Test
    void theRealmOffersExactlyTheShippedLanguages() throws IOException {
        String realm = Files.readString(Path.of("../realm-config/portal-realm.json"), StandardCharsets.UTF_8);
        Matcher supported = Pattern.compile("\"supportedLocales\"\\s*:\\s*\\[([^]]*)]").matcher(realm);
        assertTrue(supported.find());
        Set<String> tags = Pattern.compile("\"([^\"]+)\"").matcher(supported.group(1)).results()
                .map(m -> m.group(1).replace('-', '_')).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(LANGUAGES), tags);
    }

    @Test
    void theThemesListTheShippedLanguages() throws IOException {
        for (String type : new String[] {"login", "email"}) {
            Properties theme = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("../themes/spr/" + type + "/theme.properties"), StandardCharsets.UTF_8)) {
                theme.load(reader);
            }
            Set<String> locales = Stream.of(theme.getProperty("locales").split(","))
                    .map(l -> l.trim().replace('-', '_')).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(LANGUAGES), locales, type);
        }
    }

    private static Set<String> languagesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("messages_") && n.endsWith(".properties"))
                    .map(n -> n.substring("messages_".length(), n.length() - ".properties".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Properties load(Path directory, String language) throws IOException {
        Path file = directory.resolve("messages_" + language + ".properties");
        if (!Files.exists(file)) {
            fail("missing " + file);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<Integer> placeholders(String text) {
        return Pattern.compile("\\{(\\d+)[^}]*}").matcher(text).results()
                .map(m -> Integer.parseInt(m.group(1))).collect(Collectors.toCollection(TreeSet::new));
    }
}
