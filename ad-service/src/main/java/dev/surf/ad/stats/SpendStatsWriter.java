package dev.surf.ad.stats;

import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores the effects of a batch of signals in one transaction: the event ids go into
 * processed_event first (ids already there are skipped), then hourly stats, daily spend (charged up
 * to budget x (1 + headroom), the rest kept as uncharged) and frequency counts for the new events
 * only. Commit or nothing: a crash before commit leaves no effect, a replay after commit changes nothing.
 */
@ApplicationScoped
public class SpendStatsWriter {
    private final AgroalDataSource ds;
    private final double headroom;
    private final int retentionDays;

    public SpendStatsWriter(AgroalDataSource ds,
                            @ConfigProperty(name = "surf.pacing.headroom-fraction", defaultValue = "0.01") double headroom,
                            @ConfigProperty(name = "surf.spend.processed-retention-days", defaultValue = "14") int retentionDays) {
        this.ds = ds;
        this.headroom = headroom;
        this.retentionDays = retentionDays;
    }

    /** What a committed batch changed, for the in-memory pacer and frequency store. */
    public record Applied(List<UserSignal> newEvents, List<Charge> charges, int duplicates, int unknownCampaign) {
    }

    public record Charge(long campaignId, long epochDay, long chargedMicros) {
    }

    private record Campaign(long advertiserId, long dailyBudget, ZoneId zone) {
    }

    private record StatKey(long campaign, long adSet, long creative, long hour) {
    }

    private record DayKey(long campaign, LocalDate day) {
    }

    private record FreqKey(String user, long adSet, long hour) {
    }

    /**
     * Forgets processed ids older than the replay horizon (longer than the signals topic's retention,
     * so nothing that can still be redelivered is forgotten), and frequency counts older than any cap's
     * window (the frequency store reads the last 7 days).
     */
    public void pruneProcessed() {
        try (Connection c = ds.getConnection(); PreparedStatement ids = c.prepareStatement(
                "delete from ad.processed_event where processed_at < now() - make_interval(days => ?)");
             PreparedStatement freq = c.prepareStatement("delete from ad.frequency_hourly where hour < now() - interval '8 days'")) {
            ids.setInt(1, retentionDays);
            ids.executeUpdate();
            freq.executeUpdate();
        } catch (SQLException e) {
            org.jboss.logging.Logger.getLogger(SpendStatsWriter.class).warnf("pruning processed events failed: %s", e.getMessage());
        }
    }

    public static boolean countable(UserSignal s) {
        return (s.getKind() == SignalKind.IMPRESSION || s.getKind() == SignalKind.CLICK || s.getKind() == SignalKind.CONVERSION)
                && !s.getEventId().isEmpty() && s.getEventId().length() <= 200 && s.getCampaignId() > 0
                && s.getPriceMicros() >= 0 && s.getValueMicros() >= 0 && s.getTimeMs() > 0;
    }

    public Applied apply(List<UserSignal> signals) throws SQLException {
        Map<String, UserSignal> unique = new LinkedHashMap<>();
        for (UserSignal s : signals) {
            unique.putIfAbsent(s.getEventId(), s);
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                Applied a = applyIn(c, unique, signals.size() - unique.size());
                c.commit();
                return a;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Applied applyIn(Connection c, Map<String, UserSignal> unique, int inBatchDuplicates) throws SQLException {
        Map<Long, Campaign> campaigns = campaigns(c, unique.values());
        Set<String> fresh = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("insert into ad.processed_event (event_id, kind)"
                + " select * from unnest(?::text[], ?::text[]) on conflict do nothing returning event_id")) {
            List<String> ids = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (UserSignal s : unique.values()) {
                if (campaigns.containsKey(s.getCampaignId())) {
                    ids.add(s.getEventId());
                    kinds.add(s.getKind().name());
                }
            }
            // Java arrays go over the wire in PostgreSQL's binary array format (createArrayOf builds escaped text).
            st.setObject(1, ids.toArray(String[]::new));
            st.setObject(2, kinds.toArray(String[]::new));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        int unknown = 0;
        List<UserSignal> applied = new ArrayList<>();
        for (UserSignal s : unique.values()) {
            if (!campaigns.containsKey(s.getCampaignId())) {
                unknown++;
            } else if (fresh.contains(s.getEventId())) {
                applied.add(s);
            }
        }
        Map<DayKey, long[]> days = lockDays(c, campaigns, applied);
        Map<StatKey, long[]> stats = new LinkedHashMap<>();
        Map<FreqKey, Integer> freq = new LinkedHashMap<>();
        for (UserSignal s : applied) {
            Campaign camp = campaigns.get(s.getCampaignId());
            long hour = s.getTimeMs() / 3_600_000L;
            long[] v = stats.computeIfAbsent(new StatKey(s.getCampaignId(), s.getAdSetId(), s.getCreativeId(), hour), k -> new long[5]);
            switch (s.getKind()) {
                case IMPRESSION -> v[0]++;
                case CLICK -> v[1]++;
                case CONVERSION -> {
                    v[2]++;
                    v[4] += s.getValueMicros();
                }
                default -> { }
            }
            if (s.getPriceMicros() > 0) {
                // days[k] = {spent so far incl. this batch, charged in batch, uncharged in batch}
                long[] d = days.get(new DayKey(s.getCampaignId(), localDay(s, camp)));
                long cap = (long) Math.floor(camp.dailyBudget() * (1 + headroom));
                long charged = Math.max(0, Math.min(s.getPriceMicros(), cap - d[0]));
                d[0] += charged;
                d[1] += charged;
                d[2] += s.getPriceMicros() - charged;
                v[3] += charged;
            }
            if (s.getKind() == SignalKind.IMPRESSION && !s.getUserId().isEmpty() && s.getAdSetId() > 0) {
                freq.merge(new FreqKey(s.getUserId(), s.getAdSetId(), hour), 1, Integer::sum);
            }
        }
        List<Charge> charges = writeSpend(c, days);
        writeStats(c, campaigns, stats);
        writeFrequency(c, freq);
        return new Applied(applied, charges, unique.size() - fresh.size() - unknown + inBatchDuplicates, unknown);
    }

    private static LocalDate localDay(UserSignal s, Campaign camp) {
        return Instant.ofEpochMilli(s.getTimeMs()).atZone(camp.zone()).toLocalDate();
    }

    private Map<Long, Campaign> campaigns(Connection c, Iterable<UserSignal> signals) throws SQLException {
        Set<Long> ids = new HashSet<>();
        signals.forEach(s -> ids.add(s.getCampaignId()));
        Map<Long, Campaign> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "select id, advertiser_id, daily_budget_micros, time_zone from ad.campaign where id = any(?)")) {
            st.setObject(1, ids.stream().mapToLong(Long::longValue).toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ZoneId zone;
                    try {
                        zone = ZoneId.of(rs.getString(4));
                    } catch (DateTimeException e) {
                        zone = ZoneOffset.UTC;
                    }
                    out.put(rs.getLong(1), new Campaign(rs.getLong(2), rs.getLong(3), zone));
                }
            }
        }
        return out;
    }

    /** Creates and locks the (campaign, day) spend rows this batch charges, in a fixed order (no deadlocks). */
    private Map<DayKey, long[]> lockDays(Connection c, Map<Long, Campaign> campaigns, List<UserSignal> applied)
            throws SQLException {
        java.util.TreeMap<String, DayKey> ordered = new java.util.TreeMap<>();
        for (UserSignal s : applied) {
            if (s.getPriceMicros() > 0) {
                DayKey k = new DayKey(s.getCampaignId(), localDay(s, campaigns.get(s.getCampaignId())));
                ordered.put(String.format("%020d|%s", k.campaign(), k.day()), k);
            }
        }
        Map<DayKey, long[]> out = new HashMap<>();
        if (ordered.isEmpty()) {
            return out;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "insert into ad.campaign_spend_daily (campaign_id, day) values (?, ?) on conflict do nothing");
             PreparedStatement sel = c.prepareStatement(
                "select spend_micros from ad.campaign_spend_daily where campaign_id = ? and day = ? for update")) {
            for (DayKey k : ordered.values()) {
                java.sql.Date day = java.sql.Date.valueOf(k.day());
                ins.setLong(1, k.campaign());
                ins.setDate(2, day);
                ins.executeUpdate();
                sel.setLong(1, k.campaign());
                sel.setDate(2, day);
                try (ResultSet rs = sel.executeQuery()) {
                    rs.next();
                    out.put(k, new long[] {rs.getLong(1), 0, 0});
                }
            }
        }
        return out;
    }

    private List<Charge> writeSpend(Connection c, Map<DayKey, long[]> days) throws SQLException {
        List<Charge> charges = new ArrayList<>();
        if (days.isEmpty()) {
            return charges;
        }
        try (PreparedStatement upd = c.prepareStatement("update ad.campaign_spend_daily set spend_micros = spend_micros + ?,"
                + " uncharged_micros = uncharged_micros + ? where campaign_id = ? and day = ?")) {
            for (var e : days.entrySet()) {
                upd.setLong(1, e.getValue()[1]);
                upd.setLong(2, e.getValue()[2]);
                upd.setLong(3, e.getKey().campaign());
                upd.setDate(4, java.sql.Date.valueOf(e.getKey().day()));
                upd.addBatch();
                charges.add(new Charge(e.getKey().campaign(), e.getKey().day().toEpochDay(), e.getValue()[1]));
            }
            upd.executeBatch();
        }
        return charges;
    }

    private void writeStats(Connection c, Map<Long, Campaign> campaigns, Map<StatKey, long[]> stats) throws SQLException {
        if (stats.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into ad.stats_hourly (campaign_id, ad_set_id, creative_id, advertiser_id, hour,
                    impressions, clicks, conversions, spend_micros, conversion_value_micros)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (campaign_id, ad_set_id, creative_id, hour) do update set
                    impressions = stats_hourly.impressions + excluded.impressions,
                    clicks = stats_hourly.clicks + excluded.clicks,
                    conversions = stats_hourly.conversions + excluded.conversions,
                    spend_micros = stats_hourly.spend_micros + excluded.spend_micros,
                    conversion_value_micros = stats_hourly.conversion_value_micros + excluded.conversion_value_micros
                """)) {
            for (var e : stats.entrySet()) {
                StatKey k = e.getKey();
                long[] v = e.getValue();
                st.setLong(1, k.campaign());
                st.setLong(2, k.adSet());
                st.setLong(3, k.creative());
                st.setLong(4, campaigns.get(k.campaign()).advertiserId());
                st.setTimestamp(5, new Timestamp(k.hour() * 3_600_000L));
                st.setLong(6, v[0]);
                st.setLong(7, v[1]);
                st.setLong(8, v[2]);
                st.setLong(9, v[3]);
                st.setLong(10, v[4]);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** One statement for the whole batch: its keys are unique, as one upsert requires. */
    private void writeFrequency(Connection c, Map<FreqKey, Integer> freq) throws SQLException {
        if (freq.isEmpty()) {
            return;
        }
        String[] users = new String[freq.size()];
        long[] adSets = new long[freq.size()];
        long[] hours = new long[freq.size()];
        int[] counts = new int[freq.size()];
        int i = 0;
        for (var e : freq.entrySet()) {
            users[i] = e.getKey().user();
            adSets[i] = e.getKey().adSet();
            hours[i] = e.getKey().hour();
            counts[i++] = e.getValue();
        }
        try (PreparedStatement st = c.prepareStatement("insert into ad.frequency_hourly (user_id, ad_set_id, hour, impressions)"
                + " select u, a, to_timestamp(h * 3600), n from unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[]) as x(u, a, h, n)"
                + " on conflict (user_id, ad_set_id, hour) do update"
                + " set impressions = frequency_hourly.impressions + excluded.impressions")) {
            st.setObject(1, users);
            st.setObject(2, adSets);
            st.setObject(3, hours);
            st.setObject(4, counts);
            st.executeUpdate();
        }
    }
}
