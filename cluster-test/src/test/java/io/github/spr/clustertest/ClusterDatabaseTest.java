package io.github.spr.clustertest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterDatabaseTest {

    @Test
    void aPostgresThatDoesNotAnswerFailsTheSetupWithTheCommandThatStartsIt() {
        // Port 1: nothing listens there, as when the machine's PostgreSQL is down.
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new ClusterDatabase("127.0.0.1:1", "spr_cluster").recreate());
        assertTrue(failure.getMessage().contains("Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"),
                failure.getMessage());
    }
}
