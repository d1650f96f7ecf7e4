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
import java.util.List;
import java.util.Map;
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

    public ResultsRecorder(Jdbc jdbc, ExperimentRepository experiments) {
        this.jdbc = jdbc;
        this.experiments = experiments;
    }

    @Transactional
    public Outcome apply(List<UserSignal> batch) {
        List<String> keys = batch.stream().flatMap(s -> s.getExperimentVariantsMap().keySet().stream()).distinct().toList();
        Map<String, Experiment> byKey = keys.isEmpty() ? Map.of()
                : experiments.findByKeys(keys).stream().collect(Collectors.toMap(Experiment::key, Function.identity()));
        int applied = 0;
        int duplicates = 0;
        int rejected = 0;
        int untagged = 0;
        for (UserSignal s : batch) {
            if (s.getExperimentVariantsCount() == 0) {
                untagged++;
                continue;
            }
            String invalid = invalidReason(s);
            if (invalid != null) {
                LOG.warnf("rejected signal %s: %s", s.getEventId(), invalid);
                rejected++;
                continue;
            }
            if (!markProcessed(s.getEventId())) {
                duplicates++;
                continue;
            }
            for (var entry : s.getExperimentVariantsMap().entrySet()) {
                Experiment e = byKey.get(entry.getKey());
                if (e == null || e.status() == ExperimentStatus.DRAFT
                        || e.variants().stream().noneMatch(v -> v.key().equals(entry.getValue()))) {
                    LOG.warnf("rejected signal %s: unknown experiment or variant %s=%s", s.getEventId(), entry.getKey(), entry.getValue());
                    rejected++;
                    continue;
                }
                record(e.id(), entry.getValue(), s);
                applied++;
            }
        }
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

    private boolean markProcessed(String eventId) {
        return jdbc.execute("insert into ad.experiment_processed_event (event_id) values (?) on conflict do nothing",
                ps -> ps.setString(1, eventId)) == 1;
    }

    private record UserRow(String variant, long clicks, long conversions, long spendMicros) {
    }

    private void record(long experimentId, String taggedVariant, UserSignal s) {
        Timestamp at = Timestamp.from(s.getTimeMs() > 0 ? Instant.ofEpochMilli(s.getTimeMs()) : Instant.now());
        boolean newUser = jdbc.execute("""
                insert into ad.experiment_user (experiment_id, user_id, variant_key, first_seen_at) values (?, ?, ?, ?)
                on conflict do nothing""", ps -> {
            ps.setLong(1, experimentId);
            ps.setString(2, s.getUserId());
            ps.setString(3, taggedVariant);
            ps.setTimestamp(4, at);
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
        double squareDelta = (double) price * (2.0 * user.spendMicros() + price);
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
            ps.setLong(1, experimentId);
            ps.setString(2, user.variant());
            ps.setInt(3, newUser ? 1 : 0);
            ps.setInt(4, kind == SignalKind.EXPOSURE ? 1 : 0);
            ps.setInt(5, impressions);
            ps.setInt(6, clicks);
            ps.setInt(7, conversions);
            ps.setInt(8, clicks == 1 && user.clicks() == 0 ? 1 : 0);
            ps.setInt(9, conversions == 1 && user.conversions() == 0 ? 1 : 0);
            ps.setLong(10, price);
            ps.setDouble(11, squareDelta);
            ps.setInt(12, user.variant().equals(taggedVariant) ? 0 : 1);
        });
    }
}
