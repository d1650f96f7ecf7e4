package dev.surf.ad.decision;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Impressions per user and ad set in hourly buckets over the last week, for frequency caps. The
 * stats consumer persists the same counts in ad.frequency_hourly in the transaction that counts the
 * impression and adds them here after commit; at start the store is reloaded from that table, so
 * caps hold across restarts.
 */
// @Singleton: read per candidate, without a client proxy (see FilterChain).
@Singleton
public class FrequencyStore {
    static final int WEEK_HOURS = 168;

    private final ConcurrentHashMap<String, UserCounts> users = new ConcurrentHashMap<>();

    public int count(String userId, long adSetId, int periodHours, long nowMs) {
        UserCounts u = users.get(userId);
        return u == null ? 0 : u.count(adSetId, nowMs / 3_600_000L - periodHours + 1);
    }

    public void add(String userId, long adSetId, long eventMs, int impressions) {
        users.computeIfAbsent(userId, k -> new UserCounts()).add(adSetId, eventMs / 3_600_000L, impressions,
                System.currentTimeMillis() / 3_600_000L - WEEK_HOURS);
    }

    public void load(AgroalDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("select user_id, ad_set_id, floor(extract(epoch from hour) / 3600)::bigint,"
                     + " impressions from ad.frequency_hourly where hour > now() - interval '7 days'")) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    users.computeIfAbsent(rs.getString(1), k -> new UserCounts())
                            .add(rs.getLong(2), rs.getLong(3), rs.getInt(4), Long.MIN_VALUE);
                }
            }
        }
    }

    /** Parallel arrays (ad set, hour, count); a user sees few ad sets a week, so scans are short. */
    private static final class UserCounts {
        long[] adSets = new long[4];
        long[] hours = new long[4];
        int[] counts = new int[4];
        int size;

        synchronized int count(long adSetId, long fromHour) {
            int total = 0;
            for (int i = 0; i < size; i++) {
                if (adSets[i] == adSetId && hours[i] >= fromHour) {
                    total += counts[i];
                }
            }
            return total;
        }

        synchronized void add(long adSetId, long hour, int n, long pruneBefore) {
            int w = 0;
            int found = -1;
            for (int i = 0; i < size; i++) {
                if (hours[i] < pruneBefore) {
                    continue;
                }
                adSets[w] = adSets[i];
                hours[w] = hours[i];
                counts[w] = counts[i];
                if (adSets[w] == adSetId && hours[w] == hour) {
                    found = w;
                }
                w++;
            }
            size = w;
            if (found >= 0) {
                counts[found] += n;
                return;
            }
            if (size == adSets.length) {
                adSets = java.util.Arrays.copyOf(adSets, size * 2);
                hours = java.util.Arrays.copyOf(hours, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
            }
            adSets[size] = adSetId;
            hours[size] = hour;
            counts[size] = n;
            size++;
        }
    }
}
