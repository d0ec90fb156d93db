package io.github.spr.emailcode.config;

import java.util.List;
import java.util.Optional;

/**
 * One config property: its key, default, admin-console texts and the rule a value must follow.
 * The same definition feeds the admin console metadata and the runtime parsing, so the two can never disagree.
 */
public sealed interface ConfigProperty permits ConfigProperty.IntRange, ConfigProperty.Flag, ConfigProperty.DomainList {

    String key();

    String label();

    String helpText();

    String defaultValue();

    /** An English explanation of why {@code raw} is not acceptable, or empty when it is. */
    Optional<String> problemWith(String raw);

    /**
     * A whole number from {@code min} to {@code max}. The admin console offers {@code offered} as a menu: Keycloak calls
     * no validation hook when an authenticator config is saved, so a menu is the only way the console can keep a bad
     * value out. Other writers (REST, realm import) may store anything; a value outside the range means the default.
     */
    record IntRange(String key, String label, String helpText, int defaultInt, int min, int max, List<Integer> offered)
            implements ConfigProperty {

        public IntRange {
            offered = List.copyOf(offered);
        }

        @Override
        public String defaultValue() {
            return Integer.toString(defaultInt);
        }

        @Override
        public Optional<String> problemWith(String raw) {
            String value = raw.trim();
            if (!value.matches("\\d{1,9}")) {
                return Optional.of(key + " must be a whole number from " + min + " to " + max + ", got '" + abbreviate(raw) + "'");
            }
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                return Optional.of(key + " must be from " + min + " to " + max + ", got " + parsed);
            }
            return Optional.empty();
        }

        int parse(String raw) {
            return Integer.parseInt(raw.trim());
        }
    }

    record Flag(String key, String label, String helpText, boolean defaultFlag) implements ConfigProperty {
        @Override
        public String defaultValue() {
            return Boolean.toString(defaultFlag);
        }

        @Override
        public Optional<String> problemWith(String raw) {
            String value = raw.trim();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Optional.empty();
            }
            return Optional.of(key + " must be true or false, got '" + abbreviate(raw) + "'");
        }

        boolean parse(String raw) {
            return Boolean.parseBoolean(raw.trim());
        }
    }

    /**
     * A list of mail domains, typed freely in the console (Keycloak stores a multivalued string joined by "##").
     * An entry that is not a domain name matches no address: a typo must never widen the list to "any domain".
     */
    record DomainList(String key, String label, String helpText) implements ConfigProperty {

        private static final java.util.regex.Pattern DOMAIN =
                java.util.regex.Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

        @Override
        public String defaultValue() {
            return "";
        }

        @Override
        public Optional<String> problemWith(String raw) {
            List<String> bad = entries(raw).stream().filter(e -> !DOMAIN.matcher(e).matches()).toList();
            if (bad.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(key + " must list domain names like acme.com, these are not: "
                    + bad.stream().map(ConfigProperty::abbreviate).toList());
        }

        static List<String> entries(String raw) {
            return java.util.Arrays.stream(raw.split("##|,|;|\\s+"))
                    .map(e -> e.trim().toLowerCase(java.util.Locale.ROOT))
                    .map(e -> e.startsWith("@") ? e.substring(1) : e)
                    .filter(e -> !e.isEmpty())
                    .toList();
        }

        AllowedDomains parse(String raw) {
            List<String> entries = entries(raw);
            if (entries.isEmpty()) {
                return AllowedDomains.ANY;
            }
            return AllowedDomains.only(entries.stream().filter(e -> DOMAIN.matcher(e).matches()).toList());
        }
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
