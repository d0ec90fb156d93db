package io.github.spr.emailcode.step;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupportedKeycloakTest {

    @ParameterizedTest
    @ValueSource(strings = {"26.4.0", "26.4.7", "26.4.7.redhat-00001", "26.5.6", "26.6.1", "26.7.0", "26.7.3", "26.7.4-SNAPSHOT"})
    void theVersionsTheMatrixCoversAreSupported(String version) {
        assertTrue(SupportedKeycloak.isSupported(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"26.3.5", "25.0.6", "26.8.0", "27.0.0", "999.0.0-SNAPSHOT", "unknown", ""})
    void otherVersionsAreNot(String version) {
        assertFalse(SupportedKeycloak.isSupported(version));
    }
}
