package io.github.spr.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top level, seen from this module. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
