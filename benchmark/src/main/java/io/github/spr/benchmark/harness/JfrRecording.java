package io.github.spr.benchmark.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A flight recording of the server's JVM over the measured windows, started and dumped with jcmd. Only execution
 * samples (every 10 ms per running thread) and GC events: enough to see where CPU goes, cheap enough to leave on
 * while CPU per login is measured, and the same for all three flows.
 */
public final class JfrRecording {

    private static final String NAME = "spr-benchmark";
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="spr-benchmark" description="CPU samples and GCs only">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
              <event name="jdk.GarbageCollection"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
            </configuration>
            """;

    private final Jcmd jcmd;
    private final Path dir;

    public JfrRecording(Jcmd jcmd, Path dir) {
        this.jcmd = jcmd;
        this.dir = dir;
    }

    public void start() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path settings = dir.resolve("spr-benchmark.jfc");
        Files.writeString(settings, SETTINGS);
        jcmd.run("JFR.start", "name=" + NAME, "settings=" + settings);
    }

    public Path stop() throws IOException, InterruptedException {
        Path file = dir.resolve("keycloak.jfr");
        Files.deleteIfExists(file);
        jcmd.run("JFR.dump", "name=" + NAME, "filename=" + file);
        jcmd.run("JFR.stop", "name=" + NAME);
        return file;
    }
}
