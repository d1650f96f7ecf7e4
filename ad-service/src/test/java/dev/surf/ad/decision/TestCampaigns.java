package dev.surf.ad.decision;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Inserts campaigns with plain SQL (the campaign API is a teammate's), each in its own advertiser. */
public final class TestCampaigns {
    private final AgroalDataSource ds;

    public TestCampaigns(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** What one call created. */
    public record Created(long advertiserId, long campaignId, long adSetId, long creativeId) {
    }

    /**
     * A campaign with one ad set and one approved creative. {@code adSetSql} is the ad set's
     * targeting columns as "col = value" assignments for an update, or empty.
     */
    public Created create(String name, String strategy, long bidMicros, long dailyBudgetMicros, String placement,
                          String adSetSql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            long adv = id(c, "insert into ad.advertiser (name) values ('" + name + "') returning id");
            long camp = id(c, "insert into ad.campaign (advertiser_id, name, objective, status, daily_budget_micros,"
                    + " bid_strategy, bid_amount_micros) values (" + adv + ", '" + name + "', 'CLICKS', 'ACTIVE', "
                    + dailyBudgetMicros + ", '" + strategy + "', " + bidMicros + ") returning id");
            long set = id(c, "insert into ad.ad_set (advertiser_id, campaign_id, name, placements) values (" + adv + ", "
                    + camp + ", 'set', array['" + placement + "']) returning id");
            if (!adSetSql.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement("update ad.ad_set set " + adSetSql + " where id = " + set)) {
                    st.executeUpdate();
                }
            }
            long cr = id(c, "insert into ad.creative (advertiser_id, campaign_id, ad_set_id, headline, primary_text,"
                    + " call_to_action, landing_url, image_url, status) values (" + adv + ", " + camp + ", " + set
                    + ", 'Headline " + name + "', 'Primary text', 'LEARN_MORE', 'https://shop.example/" + name
                    + "', 'https://cdn.example/" + name + ".png', 'APPROVED') returning id");
            return new Created(adv, camp, set, cr);
        }
    }

    public void exec(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        }
    }

    public long queryLong(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public String queryString(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
