package dev.surf.ad.experiment.results;

import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.ExperimentRepository;
import dev.surf.ad.experiment.ExperimentStatus;
import dev.surf.ad.experiment.Jdbc;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies experiment-tagged signals to the per-user and per-variant tables. One batch is one
 * transaction, and each applied event id is stored in it: a redelivered event finds its id and
 * changes nothing, so at-least-once delivery gives exactly-once counts.
 *
 * <p>Counting rules: a user is counted once per experiment, in the variant of their first tagged
 * signal (intent to treat); a later signal tagged with another variant still counts for the first
 * one and is tallied as mismatched (a non-zero tally means assignment changed under the user).
 *
 * <p>Every impression, click and conversion, tagged or not, also goes into the daily activity
 * history ({@link ActivityHistory}); a user entering an experiment gets their pre-period covariates
 * from it. Untagged signals share the processed-id table, so the history is exactly-once too.
 */
@ApplicationScoped
public class ResultsRecorder {
    private static final Logger LOG = Logger.getLogger(ResultsRecorder.class);
    private static final int MAX_ID_LENGTH = 200;

    /** What one batch did. */
    public record Outcome(int applied, int duplicates, int rejected, int untagged) {
    }

    private final Jdbc jdbc;
    private final ExperimentRepository experiments;
    private final ActivityHistory history;

    public ResultsRecorder(Jdbc jdbc, ExperimentRepository experiments, ActivityHistory history) {
        this.jdbc = jdbc;
        this.experiments = experiments;
        this.history = history;
    }

    @Transactional
    public Outcome apply(List<UserSignal> batch) {
        List<String> keys = batch.stream().flatMap(s -> s.getExperimentVariantsMap().keySet().stream()).distinct().toList();
        Map<String, Experiment> byKey = keys.isEmpty() ? Map.of()
                : experiments.findByKeys(keys).stream().collect(Collectors.toMap(Experiment::key, Function.identity()));
        Map<ActivityHistory.DayKey, long[]> activity = ActivityHistory.newBatch();
        List<UserSignal> candidates = new ArrayList<>(batch.size());
        int duplicates = 0;
        int rejected = 0;
        int untagged = 0;
        for (UserSignal s : batch) {
            boolean tagged = s.getExperimentVariantsCount() > 0;
            if (!tagged && !ActivityHistory.counts(s.getKind())) {
                untagged++;
                continue;
            }
            String invalid = invalidReason(s);
            if (invalid != null) {
                // Untagged signals only feed the pre-period history: skipped, not counted as rejected.
                if (tagged) {
                    LOG.warnf("rejected signal %s: %s", s.getEventId(), invalid);
                    rejected++;
                } else {
                    untagged++;
                }
                continue;
            }
            candidates.add(s);
        }
        Set<String> unapplied = markProcessed(candidates);
        List<UserSignal> fresh = new ArrayList<>();
        for (UserSignal s : candidates) {
            boolean tagged = s.getExperimentVariantsCount() > 0;
            // remove(): a second copy of an event within the batch is a duplicate too.
            if (!unapplied.remove(s.getEventId())) {
                duplicates += tagged ? 1 : 0;
                untagged += tagged ? 0 : 1;
                continue;
            }
            if (ActivityHistory.counts(s.getKind())) {
                ActivityHistory.add(s, activity);
            }
            if (tagged) {
                fresh.add(s);
            } else {
                untagged++;
            }
        }
        // History first: a user entering an experiment in this batch reads a pre-period that
        // already holds this batch's older signals.
        history.flush(activity);
        Map<StatsKey, StatsDelta> deltas = new TreeMap<>();
        int applied = 0;
        for (UserSignal s : fresh) {
            for (var entry : s.getExperimentVariantsMap().entrySet()) {
                Experiment e = byKey.get(entry.getKey());
                if (e == null || e.status() == ExperimentStatus.DRAFT
                        || e.variants().stream().noneMatch(v -> v.key().equals(entry.getValue()))) {
                    LOG.warnf("rejected signal %s: unknown experiment or variant %s=%s", s.getEventId(), entry.getKey(), entry.getValue());
                    rejected++;
                    continue;
                }
                record(e, entry.getValue(), s, deltas);
                applied++;
            }
        }
        // Variant rows are shared by every consumer replica: update them once per batch, in key
        // order, so two replicas' transactions always lock them in the same order (no deadlock).
        deltas.forEach(this::flush);
        return new Outcome(applied, duplicates, rejected, untagged);
    }

    private static String invalidReason(UserSignal s) {
        if (s.getEventId().isEmpty() || s.getEventId().length() > MAX_ID_LENGTH) {
            return "missing or over-long event id";
        }
        if (s.getUserId().isEmpty() || s.getUserId().length() > MAX_ID_LENGTH) {
            return "missing or over-long user id";
        }
        if (s.getPriceMicros() < 0) {
            return "negative price";
        }
        return switch (s.getKind()) {
            case EXPOSURE, IMPRESSION, CLICK, CONVERSION -> null;
            default -> "kind " + s.getKind() + " carries no experiment metric";
        };
    }

    /** Stores the batch's event ids in one statement; returns those that were not stored before. */
    private Set<String> markProcessed(List<UserSignal> signals) {
        if (signals.isEmpty()) {
            return new HashSet<>();
        }
        Set<String> ids = new LinkedHashSet<>();
        signals.forEach(s -> ids.add(s.getEventId()));
        return new HashSet<>(jdbc.query("insert into ad.experiment_processed_event (event_id)"
                + " select unnest(?::text[]) on conflict do nothing returning event_id",
                ps -> ps.setObject(1, ids.toArray(String[]::new)), rs -> rs.getString(1))); // binary text[]
    }

    private record UserRow(String variant, long clicks, long conversions, long spendMicros) {
    }

    private void record(Experiment e, String taggedVariant, UserSignal s, Map<StatsKey, StatsDelta> deltas) {
        long experimentId = e.id();
        Timestamp at = Timestamp.from(s.getTimeMs() > 0 ? Instant.ofEpochMilli(s.getTimeMs()) : Instant.now());
        // The covariates are frozen at entry (one statement: the pre-period sums are a range read of
        // at most pre-period-days history rows). They only cover days before the start day, so the
        // treatment cannot have moved them.
        ActivityHistory.Window window = history.preWindow(e.startedAt() != null ? e.startedAt() : at.toInstant());
        boolean newUser = jdbc.execute("""
                insert into ad.experiment_user (experiment_id, user_id, variant_key, first_seen_at, pre_clicks, pre_spend_micros)
                select ?, ?, ?, ?, coalesce(sum(clicks), 0), coalesce(sum(spend_micros), 0) from ad.user_activity_daily
                where user_id = ? and day >= ? and day < ?
                on conflict do nothing""", ps -> {
            ps.setLong(1, experimentId);
            ps.setString(2, s.getUserId());
            ps.setString(3, taggedVariant);
            ps.setTimestamp(4, at);
            ps.setString(5, s.getUserId());
            ps.setDate(6, java.sql.Date.valueOf(window.from()));
            ps.setDate(7, java.sql.Date.valueOf(window.until()));
        }) == 1;
        UserRow user = jdbc.query("""
                select variant_key, clicks, conversions, spend_micros from ad.experiment_user
                where experiment_id = ? and user_id = ? for update""", ps -> {
            ps.setLong(1, experimentId);
            ps.setString(2, s.getUserId());
        }, rs -> new UserRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).getFirst();

        SignalKind kind = s.getKind();
        long price = s.getPriceMicros();
        int impressions = kind == SignalKind.IMPRESSION ? 1 : 0;
        int clicks = kind == SignalKind.CLICK ? 1 : 0;
        int conversions = kind == SignalKind.CONVERSION ? 1 : 0;
        jdbc.execute("""
                update ad.experiment_user set impressions = impressions + ?, clicks = clicks + ?,
                       conversions = conversions + ?, spend_micros = spend_micros + ?
                where experiment_id = ? and user_id = ?""", ps -> {
            ps.setInt(1, impressions);
            ps.setInt(2, clicks);
            ps.setInt(3, conversions);
            ps.setLong(4, price);
            ps.setLong(5, experimentId);
            ps.setString(6, s.getUserId());
        });
        // (old + p)^2 - old^2 = p (2 old + p): keeps the sum over users of squared spend exact as spend grows.
        StatsDelta d = deltas.computeIfAbsent(new StatsKey(experimentId, user.variant()), k -> new StatsDelta());
        d.users += newUser ? 1 : 0;
        d.exposures += kind == SignalKind.EXPOSURE ? 1 : 0;
        d.impressions += impressions;
        d.clicks += clicks;
        d.conversions += conversions;
        d.clickedUsers += clicks == 1 && user.clicks() == 0 ? 1 : 0;
        d.convertedUsers += conversions == 1 && user.conversions() == 0 ? 1 : 0;
        d.spendMicros += price;
        d.spendSquareSum += (double) price * (2.0 * user.spendMicros() + price);
        d.mismatched += user.variant().equals(taggedVariant) ? 0 : 1;
    }

    private record StatsKey(long experimentId, String variantKey) implements Comparable<StatsKey> {
        @Override
        public int compareTo(StatsKey o) {
            int c = Long.compare(experimentId, o.experimentId);
            return c != 0 ? c : variantKey.compareTo(o.variantKey);
        }
    }

    /** Increments of one variant row within a batch. */
    private static final class StatsDelta {
        long users;
        long exposures;
        long impressions;
        long clicks;
        long conversions;
        long clickedUsers;
        long convertedUsers;
        long spendMicros;
        double spendSquareSum;
        long mismatched;
    }

    private void flush(StatsKey key, StatsDelta d) {
        jdbc.execute("""
                insert into ad.experiment_variant_stats as t (experiment_id, variant_key, users, exposures, impressions,
                    clicks, conversions, clicked_users, converted_users, spend_micros, spend_sq_sum, mismatched_events)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (experiment_id, variant_key) do update set
                    users = t.users + excluded.users, exposures = t.exposures + excluded.exposures,
                    impressions = t.impressions + excluded.impressions, clicks = t.clicks + excluded.clicks,
                    conversions = t.conversions + excluded.conversions,
                    clicked_users = t.clicked_users + excluded.clicked_users,
                    converted_users = t.converted_users + excluded.converted_users,
                    spend_micros = t.spend_micros + excluded.spend_micros,
                    spend_sq_sum = t.spend_sq_sum + excluded.spend_sq_sum,
                    mismatched_events = t.mismatched_events + excluded.mismatched_events""", ps -> {
            ps.setLong(1, key.experimentId());
            ps.setString(2, key.variantKey());
            ps.setLong(3, d.users);
            ps.setLong(4, d.exposures);
            ps.setLong(5, d.impressions);
            ps.setLong(6, d.clicks);
            ps.setLong(7, d.conversions);
            ps.setLong(8, d.clickedUsers);
            ps.setLong(9, d.convertedUsers);
            ps.setLong(10, d.spendMicros);
            ps.setDouble(11, d.spendSquareSum);
            ps.setLong(12, d.mismatched);
        });
    }
}
