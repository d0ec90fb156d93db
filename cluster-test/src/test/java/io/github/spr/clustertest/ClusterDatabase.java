package io.github.spr.clustertest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL database both nodes share, made afresh for every run, on the local server as the role spr_test
 * (password spr_test, CREATEDB), which run-tests.sh creates.
 */
final class ClusterDatabase {

    static final String LOCAL_SERVER = "127.0.0.1:5432";
    static final String USER = "spr_test";
    static final String PASSWORD = "spr_test";
    static final String START_COMMAND = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

    private final String hostPort;
    private final String name;

    ClusterDatabase(String hostPort, String name) {
        this.hostPort = hostPort;
        this.name = name;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + hostPort + "/" + name;
    }

    /** The options that point a node at this database. */
    List<String> keycloakOptions() {
        return List.of("--db-url=" + jdbcUrl(), "--db-username=" + USER, "--db-password=" + PASSWORD);
    }

    /** Drops and creates the database; fails with the command that starts PostgreSQL when it is not running. */
    void recreate() {
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/postgres", USER, PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("No connection to PostgreSQL on " + hostPort + " as user " + USER + " (" + e.getMessage()
                    + "). Start it with: " + START_COMMAND + ". ./run-tests.sh starts it and creates the role " + USER + ".", e);
        }
        try (connection; Statement statement = connection.createStatement()) {
            // FORCE: a previous run that was killed may have left connections behind.
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + name + ": " + e.getMessage(), e);
        }
    }
}
