package io.github.spr.compat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the build prepared for the matrix, passed by failsafe as system properties (see this module's pom), so the
 * list of versions is written once, in the pom, next to the distributions it unpacks.
 */
record MatrixSettings(List<String> versions, Path distsDir, Path providerJar, Path realmFile, Path logsDir) {

    static MatrixSettings fromSystemProperties() {
        return new MatrixSettings(
                Arrays.stream(required("matrix.keycloak.versions").split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList(),
                Path.of(required("matrix.dists.dir")),
                Path.of(required("matrix.provider.jar")).normalize(),
                Path.of(required("matrix.realm.file")).normalize(),
                Path.of(required("matrix.logs.dir")));
    }

    /** The unpacked distribution of {@code version}, as the pom's {@code unpack} execution laid it out. */
    Path unpacked(String version) {
        return distsDir.resolve(version);
    }

    Path log(String version) {
        return logsDir.resolve("keycloak-" + version + ".log");
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the matrix through Maven (mvn -pl compat-matrix verify)");
        }
        return value;
    }
}
