package io.github.spr.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** An unpacked {@code keycloak-quarkus-dist}: finding it, installing the extension, and staging realm imports. */
public final class Distribution {

    private Distribution() {
    }

    /** The {@code keycloak-x.y.z} folder (the one with {@code bin/kc.sh}) that Maven unpacked into {@code unpacked}. */
    public static Path home(Path unpacked) throws IOException {
        if (!Files.isDirectory(unpacked)) {
            throw new IllegalStateException("No Keycloak distribution in " + unpacked);
        }
        try (Stream<Path> children = Files.list(unpacked)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in " + unpacked));
        }
    }

    /** Puts the drop-in JAR into {@code providers/}, as an admin would. */
    public static void installProvider(Path home, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the extension first (mvn package): " + jar + " is missing");
        }
        Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces {@code data/import} with {@code files}, which {@code --import-realm} imports on the next start. */
    public static void stageImports(Path home, List<Path> files) throws IOException {
        Path imports = home.resolve("data/import");
        deleteTree(imports);
        Files.createDirectories(imports);
        for (Path file : files) {
            Files.copy(file, imports.resolve(file.getFileName()));
        }
    }

    /** Forgets everything the dev-mode database (H2, in {@code data/h2}) holds, so the next start imports afresh. */
    public static void resetDevDatabase(Path home) throws IOException {
        deleteTree(home.resolve("data/h2"));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
