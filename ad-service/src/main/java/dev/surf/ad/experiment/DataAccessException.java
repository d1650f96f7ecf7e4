package dev.surf.ad.experiment;

import java.sql.SQLException;

/** An SQLException, unchecked, so it rolls the surrounding transaction back. */
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }
}
