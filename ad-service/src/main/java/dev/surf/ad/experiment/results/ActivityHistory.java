package dev.surf.ad.experiment.results;

import dev.surf.ad.experiment.Jdbc;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-user daily activity history that CUPED's pre-period covariates come from. Every signal
 * (experiment-tagged or not) adds to its user's UTC day; the caller's transaction makes it
 * exactly-once. History older than the retention window is purged.
 */
@ApplicationScoped
public class ActivityHistory {
    /** Days [from, until). */
    record Window(LocalDate from, LocalDate until) {
    }

    private final Jdbc jdbc;
    private final int preDays;
    private final int retentionDays;
    private final Clock clock;

    public ActivityHistory(Jdbc jdbc,
                           @ConfigProperty(name = "surf.experiment.cuped.pre-period-days", defaultValue = "14") int preDays,
                           @ConfigProperty(name = "surf.experiment.activity.retention-days", defaultValue = "60") int retentionDays) {
        if (preDays < 1 || retentionDays < preDays) {
            throw new IllegalArgumentException("need 1 <= pre-period-days <= retention-days, got " + preDays + " and " + retentionDays);
        }
        this.jdbc = jdbc;
        this.preDays = preDays;
        this.retentionDays = retentionDays;
        this.clock = Clock.systemUTC();
    }

    public int preDays() {
        return preDays;
    }

    static boolean counts(SignalKind kind) {
        return kind == SignalKind.IMPRESSION || kind == SignalKind.CLICK || kind == SignalKind.CONVERSION;
    }

    /** Adds a signal to the batch's per-(user, day) increments. */
    static void add(UserSignal s, Map<DayKey, long[]> deltas) {
        Instant at = s.getTimeMs() > 0 ? Instant.ofEpochMilli(s.getTimeMs()) : Instant.now();
        long[] d = deltas.computeIfAbsent(new DayKey(s.getUserId(), LocalDate.ofInstant(at, ZoneOffset.UTC)), k -> new long[4]);
        d[0] += s.getKind() == SignalKind.IMPRESSION ? 1 : 0;
        d[1] += s.getKind() == SignalKind.CLICK ? 1 : 0;
        d[2] += s.getKind() == SignalKind.CONVERSION ? 1 : 0;
        d[3] += s.getPriceMicros();
    }

    /** (user, day), ordered so concurrent replicas lock rows in the same order. */
    record DayKey(String userId, LocalDate day) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int c = userId.compareTo(o.userId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    static Map<DayKey, long[]> newBatch() {
        return new TreeMap<>();
    }

    /**
     * Writes the batch's increments in one statement (rows in key order, so concurrent replicas lock
     * them in the same order); days already outside the retention window are dropped.
     */
    void flush(Map<DayKey, long[]> deltas) {
        LocalDate oldest = oldestKept();
        List<String> users = new ArrayList<>(deltas.size());
        List<String> days = new ArrayList<>(deltas.size());
        long[][] columns = new long[4][deltas.size()];
        deltas.forEach((k, d) -> {
            if (!k.day().isBefore(oldest)) {
                for (int c = 0; c < 4; c++) {
                    columns[c][users.size()] = d[c];
                }
                users.add(k.userId());
                days.add(k.day().toString());
            }
        });
        if (users.isEmpty()) {
            return;
        }
        jdbc.execute("""
                insert into ad.user_activity_daily as t (user_id, day, impressions, clicks, conversions, spend_micros)
                select u, d::date, i, c, v, s from unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                    as x(u, d, i, c, v, s)
                on conflict (user_id, day) do update set impressions = t.impressions + excluded.impressions,
                    clicks = t.clicks + excluded.clicks, conversions = t.conversions + excluded.conversions,
                    spend_micros = t.spend_micros + excluded.spend_micros""", ps -> {
            // Java arrays go over the wire in PostgreSQL's binary array format (createArrayOf builds escaped text).
            ps.setObject(1, users.toArray(String[]::new));
            ps.setObject(2, days.toArray(String[]::new));
            for (int col = 0; col < 4; col++) {
                ps.setObject(3 + col, java.util.Arrays.copyOf(columns[col], users.size()));
            }
        });
    }

    /** The pre-period of an experiment: the N full UTC days before its start day, [from, until). */
    Window preWindow(Instant experimentStart) {
        LocalDate startDay = LocalDate.ofInstant(experimentStart, ZoneOffset.UTC);
        return new Window(startDay.minusDays(preDays), startDay);
    }

    /**
     * Deletes history days and applied event ids older than the retention window. An event
     * redelivered after its id was purged would count again, so the window must exceed any
     * realistic redelivery delay (days, against seconds to minutes in practice).
     */
    @Transactional
    public int purge() {
        LocalDate oldest = oldestKept();
        int days = jdbc.execute("delete from ad.user_activity_daily where day < ?", ps -> ps.setDate(1, Date.valueOf(oldest)));
        int ids = jdbc.execute("delete from ad.experiment_processed_event where processed_at < ?",
                ps -> ps.setTimestamp(1, java.sql.Timestamp.from(oldest.atStartOfDay(ZoneOffset.UTC).toInstant())));
        return days + ids;
    }

    private LocalDate oldestKept() {
        return LocalDate.now(clock).minusDays(retentionDays);
    }
}
