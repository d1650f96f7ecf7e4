package dev.surf.ad.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prior CTR and CVR per creative from the last 14 days of stats_hourly, smoothed toward the campaign's
 * and then the global rate (additive smoothing: (clicks + k x prior) / (impressions + k)), so a new
 * creative starts at its campaign's rate and a new campaign at the configured global one.
 * Used when the ranking call is slow, down or answers garbage, and to pre-select candidates.
 */
// @Singleton: read per candidate, without a client proxy (see FilterChain).
@Singleton
public class PriorScores {
    private final double globalCtr;
    private final double globalCvr;
    private final double kImpressions;
    private final double kClicks;
    /** Swapped whole on reload, so a decision reads creative and campaign rates of the same load. */
    private record Tables(RateTable creatives, RateTable campaigns) {
    }

    private volatile Tables tables = new Tables(RateTable.EMPTY, RateTable.EMPTY);

    public PriorScores(@ConfigProperty(name = "surf.ranking.prior-ctr", defaultValue = "0.01") double globalCtr,
                       @ConfigProperty(name = "surf.ranking.prior-cvr", defaultValue = "0.02") double globalCvr,
                       @ConfigProperty(name = "surf.ranking.smoothing-impressions", defaultValue = "200") double kImpressions,
                       @ConfigProperty(name = "surf.ranking.smoothing-clicks", defaultValue = "50") double kClicks) {
        this.globalCtr = globalCtr;
        this.globalCvr = globalCvr;
        this.kImpressions = kImpressions;
        this.kClicks = kClicks;
    }

    public double ctr(long campaignId, long creativeId) {
        return rate(campaignId, creativeId, RateTable.CTR, globalCtr);
    }

    public double cvr(long campaignId, long creativeId) {
        return rate(campaignId, creativeId, RateTable.CVR, globalCvr);
    }

    /** The creative's own rate, else its campaign's, else the global prior. */
    private double rate(long campaignId, long creativeId, int which, double global) {
        Tables t = tables;
        int i = t.creatives().find(creativeId);
        if (i >= 0) {
            return t.creatives().rate(i, which);
        }
        i = t.campaigns().find(campaignId);
        return i >= 0 ? t.campaigns().rate(i, which) : global;
    }

    /** Smoothed rates: (successes + k x prior) / (trials + k). */
    public static double smooth(long successes, long trials, double prior, double k) {
        return (successes + k * prior) / (trials + k);
    }

    public void reload(AgroalDataSource ds) throws SQLException {
        Map<Long, long[]> campaigns = new HashMap<>();
        Map<Long, long[]> creatives = new HashMap<>();
        Map<Long, Long> creativeCampaign = new HashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("select campaign_id, creative_id, sum(impressions), sum(clicks),"
                     + " sum(conversions) from ad.stats_hourly where hour > now() - interval '14 days'"
                     + " group by campaign_id, creative_id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long campaign = rs.getLong(1);
                long creative = rs.getLong(2);
                long[] v = {rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                long[] agg = campaigns.computeIfAbsent(campaign, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    agg[i] += v[i];
                }
                if (creative > 0) {
                    creatives.put(creative, v);
                    creativeCampaign.put(creative, campaign);
                }
            }
        }
        Map<Long, double[]> camp = new HashMap<>();
        campaigns.forEach((id, v) -> camp.put(id, new double[] {
                smooth(v[1], v[0], globalCtr, kImpressions), smooth(v[2], v[1], globalCvr, kClicks)}));
        Map<Long, double[]> cre = new HashMap<>();
        creatives.forEach((id, v) -> {
            double[] parent = camp.get(creativeCampaign.get(id));
            cre.put(id, new double[] {smooth(v[1], v[0], parent[0], kImpressions), smooth(v[2], v[1], parent[1], kClicks)});
        });
        tables = new Tables(new RateTable(cre), new RateTable(camp));
    }
}
