package dev.surf.creative.flow;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The creative.handled_request table: which request ids are done and how they ended. */
@ApplicationScoped
public class HandledRequests {
    private final AgroalDataSource db;

    public HandledRequests(AgroalDataSource db) {
        this.db = db;
    }

    public Optional<String> outcome(String requestId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select outcome from creative.handled_request where request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading handled_request failed", e);
        }
    }

    /** Records the outcome; a second record for the same id is ignored (first outcome wins). */
    public void record(String requestId, long campaignId, String outcome, int attempts, int variants) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("insert into creative.handled_request "
                     + "(request_id, campaign_id, outcome, attempts, variants) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setString(1, requestId);
            s.setLong(2, campaignId);
            s.setString(3, outcome);
            s.setInt(4, attempts);
            s.setInt(5, variants);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing handled_request failed", e);
        }
    }
}
