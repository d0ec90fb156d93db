package io.github.spr.emailcode.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of the Markdown table in a doc that starts with a given header line, as cells. */
public final class MarkdownTable {

    private MarkdownTable() {
    }

    /** The file {@code docs/<name>} of this repository. */
    public static Path doc(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve(name);
    }

    /** @param header the table's header line, e.g. "| setting | key |": the rows below it up to the first non-table line */
    public static List<List<String>> rows(Path file, String header) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(header);
        if (start < 0) {
            throw new AssertionError("no table with header '" + header + "' in " + file);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(start + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String inner = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0));
            rows.add(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
        }
        return rows;
    }
}
