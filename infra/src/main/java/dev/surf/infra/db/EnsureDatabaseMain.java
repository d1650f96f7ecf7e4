package dev.surf.infra.db;

import java.sql.SQLException;

/**
 * Used by ./surf up: creates the database named by SURF_DB_URL (default the local surf database)
 * and exits 0, or prints one clear line and exits 2 when PostgreSQL cannot be reached.
 */
public final class EnsureDatabaseMain {
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/surf";

    private EnsureDatabaseMain() {
    }

    public static void main(String[] args) {
        String url = env("SURF_DB_URL", DEFAULT_URL);
        String user = env("SURF_DB_USER", System.getProperty("user.name"));
        String password = env("SURF_DB_PASSWORD", "");
        try {
            boolean created = Databases.ensureExists(url, user, password);
            System.out.println(created ? "created database " + url : "database " + url + " exists");
        } catch (SQLException e) {
            System.err.println("surf: PostgreSQL is unreachable at " + url + " as user '" + user + "': "
                    + firstLine(e.getMessage()) + " (start it, or set SURF_DB_URL / SURF_DB_USER / SURF_DB_PASSWORD)");
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println("surf: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
