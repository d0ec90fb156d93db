package io.github.spr.deployment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On an engine without the images (and no registry, as on the project's machines) the container tests fail at once
 * and say what to do, instead of waiting minutes for pulls that cannot succeed.
 */
@RequiresDockerEngine
class MissingImageIT {

    @Test
    void aMissingImageFailsWithinSecondsNamingItAndTheScriptThatBuildsTheStandIns() {
        String image = "spr-standin/no-such-image:" + Long.toHexString(System.nanoTime());
        long start = System.nanoTime();
        AssertionError error = assertThrows(AssertionError.class, () -> LocalImages.require(image));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        assertTrue(error.getMessage().contains(image), error.getMessage());
        assertTrue(error.getMessage().contains(LocalImages.STAND_IN_SCRIPT), error.getMessage());
    }
}
