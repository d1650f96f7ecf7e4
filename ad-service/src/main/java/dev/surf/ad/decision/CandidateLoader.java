package dev.surf.ad.decision;

import dev.surf.ad.auction.BidStrategy;
import dev.surf.ad.pacing.BudgetPacer;
import dev.surf.ad.pacing.PacingService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Reads servable candidates with plain SQL over the campaign model: active advertiser and campaign
 * not past its end, active ad set (or none at all: then untargeted), approved creative of that ad set
 * (or of the whole campaign), lifetime budget not spent.
 */
@ApplicationScoped
public class CandidateLoader {
    private static final Logger LOG = Logger.getLogger(CandidateLoader.class);
    private static final String[] NONE = new String[0];

    private static final String SQL = """
            select c.id, c.advertiser_id, c.bid_strategy, c.bid_amount_micros, c.daily_budget_micros,
                   c.start_at, c.end_at, c.time_zone,
                   s.id, s.countries, s.regions, s.age_min, s.age_max, s.genders, s.interests, s.keywords,
                   s.placements, s.devices, s.frequency_cap, s.frequency_period, s.dayparting,
                   cr.id, cr.headline, cr.primary_text, cr.description, cr.call_to_action, cr.landing_url, cr.image_url
              from ad.campaign c
              join ad.advertiser a on a.id = c.advertiser_id and a.status = 'ACTIVE'
              left join ad.ad_set s on s.campaign_id = c.id and s.status = 'ACTIVE'
              join ad.creative cr on cr.campaign_id = c.id and cr.status = 'APPROVED'
                               and (cr.ad_set_id is null or cr.ad_set_id = s.id)
             where c.status = 'ACTIVE' and (c.end_at is null or c.end_at > now())
               and (s.id is not null or not exists (select 1 from ad.ad_set x where x.campaign_id = c.id))
               and (c.lifetime_budget_micros is null or c.lifetime_budget_micros >
                    coalesce((select sum(d.spend_micros) from ad.campaign_spend_daily d where d.campaign_id = c.id), 0))
            """;

    private final AgroalDataSource ds;

    private final BudgetPacer pacer;

    public CandidateLoader(AgroalDataSource ds, PacingService pacing) {
        this.ds = ds;
        this.pacer = pacing.pacer();
    }

    public List<Candidate> loadAll() throws SQLException {
        return query(SQL + " order by c.id, s.id, cr.id", null);
    }

    public List<Candidate> loadCampaign(long campaignId) throws SQLException {
        return query(SQL + " and c.id = ? order by s.id, cr.id", campaignId);
    }

    /** Today's confirmed spend per campaign (yesterday too, for zones behind UTC). */
    public List<long[]> recentSpend() throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("select campaign_id, day - date '1970-01-01', spend_micros"
                     + " from ad.campaign_spend_daily where day >= current_date - 1")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return out;
    }

    private List<Candidate> query(String sql, Long campaignId) throws SQLException {
        List<Candidate> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (campaignId != null) {
                st.setLong(1, campaignId);
            }
            st.setFetchSize(2000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(read(rs));
                    } catch (RuntimeException e) {
                        LOG.warnf("skipping unreadable candidate of campaign %d: %s", rs.getLong(1), e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    private Candidate read(ResultSet rs) throws SQLException {
        long campaignId = rs.getLong(1);
        long advertiserId = rs.getLong(2);
        BidStrategy strategy = BidStrategy.parse(rs.getString(3));
        Timestamp start = rs.getTimestamp(6);
        Timestamp end = rs.getTimestamp(7);
        ZoneId zone = zone(rs.getString(8));
        long adSetId = rs.getLong(9);
        int cap = rs.getInt(19);
        String period = rs.getString(20);
        Integer[] slots = ints(rs.getArray(21));
        long creativeId = rs.getLong(22);
        String[] interests = strings(rs.getArray(15));
        var proto = dev.surf.ranking.v1.Candidate.newBuilder().setCampaignId(campaignId).setCreativeId(creativeId)
                .setAdvertiserId(advertiserId).setAdSetId(adSetId).addAllCategories(List.of(interests)).build();
        return new Candidate(campaignId, advertiserId, adSetId, creativeId, strategy, rs.getLong(4), rs.getLong(5),
                start == null ? Long.MIN_VALUE : start.getTime(), end == null ? Long.MAX_VALUE : end.getTime(), zone,
                strings(rs.getArray(10)), strings(rs.getArray(11)), rs.getInt(12), rs.getInt(13), strings(rs.getArray(14)),
                interests, strings(rs.getArray(16)), strings(rs.getArray(17)), strings(rs.getArray(18)),
                cap, periodHours(period), mask(slots),
                new Candidate.Creative(rs.getString(23), rs.getString(24), rs.getString(25), rs.getString(26),
                        rs.getString(27), rs.getString(28)),
                proto, pacer.slot(campaignId));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }

    private static int periodHours(String period) {
        if (period == null) {
            return 24;
        }
        return switch (period) {
            case "HOUR" -> 1;
            case "WEEK" -> 168;
            default -> 24;
        };
    }

    private static long[] mask(Integer[] slots) {
        if (slots == null || slots.length == 0) {
            return null;
        }
        long[] m = new long[3];
        for (Integer s : slots) {
            if (s != null && s >= 0 && s < 168) {
                m[s >> 6] |= 1L << (s & 63);
            }
        }
        return m;
    }

    private static String[] strings(Array a) throws SQLException {
        if (a == null) {
            return NONE;
        }
        Object[] raw = (Object[]) a.getArray();
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] == null ? "" : raw[i].toString().trim().toLowerCase(Locale.ROOT);
        }
        return out;
    }

    private static Integer[] ints(Array a) throws SQLException {
        return a == null ? null : (Integer[]) a.getArray();
    }
}
