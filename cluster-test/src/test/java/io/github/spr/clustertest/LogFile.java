package io.github.spr.clustertest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A node's log, which every start of the node appends to: read from where the current process began. */
final class LogFile {

    private LogFile() {
    }

    static long length(Path log) throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }

    static String since(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (offset >= length) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static List<String> lastLines(Path log, long offset, int count) throws IOException {
        List<String> lines = since(log, offset).lines().toList();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
