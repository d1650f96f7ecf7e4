package dev.surf.infra.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates a PostgreSQL database if it is missing; Flyway in each service owns what is inside. */
public final class Databases {
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?");

    private Databases() {
    }

    /** @return true when the database was created, false when it already existed. */
    public static boolean ensureExists(String jdbcUrl, String user, String password) throws SQLException {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + jdbcUrl);
        }
        String name = m.group(2);
        String maintenance = "jdbc:postgresql://" + m.group(1) + "/postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenance, user, password);
             PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, name);
            if (q.executeQuery().next()) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                // The name matched [A-Za-z0-9_]+ above, so quoting it is safe.
                s.execute("create database \"" + name + "\"");
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) {
                    return false; // created concurrently
                }
                throw e;
            }
        }
    }
}
