package io.github.spr.benchmark.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's own PostgreSQL database: new for every run, so nothing of an earlier run is measured. */
public final class BenchmarkDatabase {

    public static final String HOST_PORT = "127.0.0.1:5432";
    public static final String NAME = "spr_benchmark";
    /** The tests' role (CREATEDB), which run-tests.sh and run-benchmark.sh create. */
    public static final String USER = "spr_test";
    public static final String PASSWORD = "spr_test";

    private BenchmarkDatabase() {
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://" + HOST_PORT + "/" + NAME;
    }

    public static void recreate() throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST_PORT + "/postgres", USER, PASSWORD);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + NAME);
        }
    }

    /** A stored credential as Keycloak keeps it: its two JSON columns. */
    public record StoredCredential(String secretData, String credentialData) {
    }

    /**
     * The password credential Keycloak stored for {@code username}, hashed with the realm's real algorithm. The admin
     * API never returns secret data, so it is read here, to be imported for every benchmark user: thousands of users
     * cost one hash instead of thousands.
     */
    public static StoredCredential passwordOf(String realm, String username) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
             PreparedStatement query = db.prepareStatement("""
                     SELECT c.secret_data, c.credential_data FROM credential c
                     JOIN user_entity u ON u.id = c.user_id
                     JOIN realm r ON r.id = u.realm_id
                     WHERE r.name = ? AND u.username = ? AND c.type = 'password'""")) {
            query.setString(1, realm);
            query.setString(2, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no password stored for " + username);
                }
                return new StoredCredential(row.getString(1), row.getString(2));
            }
        }
    }
}
