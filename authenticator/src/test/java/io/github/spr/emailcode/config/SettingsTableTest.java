package io.github.spr.emailcode.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spr.emailcode.testing.MarkdownTable;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The admin guide's settings table says what the code does: same settings, defaults, menus, ranges and help texts. */
class SettingsTableTest {

    private static final String HEADER = "| setting | key | default | the console offers | accepted | what it does |";

    @Test
    void theAdminGuidesSettingsTableIsTheConsolesMetadata() {
        List<List<String>> rows = MarkdownTable.rows(MarkdownTable.doc("admin-guide.md"), HEADER);
        List<List<String>> expected = ConfigProperties.ALL.stream().map(SettingsTableTest::row).toList();
        assertEquals(expected, rows);
    }

    private static List<String> row(ConfigProperty property) {
        String key = "`" + property.key() + "`";
        if (property instanceof ConfigProperty.IntRange range) {
            String offered = range.offered().stream().map(String::valueOf).collect(Collectors.joining(", "));
            return List.of(property.label(), key, range.defaultValue(), offered, range.min() + "–" + range.max(), property.helpText());
        }
        if (property instanceof ConfigProperty.Flag flag) {
            return List.of(property.label(), key, flag.defaultFlag() ? "on" : "off", "on / off", "`true` / `false`", property.helpText());
        }
        return List.of(property.label(), key, "empty (any domain)", "a free list", "domain names", property.helpText());
    }
}
