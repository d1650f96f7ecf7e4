package dev.surf.ad.experiment.results;

import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.Jdbc;
import dev.surf.ad.experiment.Variant;
import dev.surf.ad.experiment.results.ExperimentResults.CupedComparison;
import dev.surf.ad.experiment.results.ExperimentResults.CupedResults;
import dev.surf.ad.experiment.results.ExperimentResults.Estimate;
import dev.surf.ad.experiment.stats.Comparison;
import dev.surf.ad.experiment.stats.Cuped;
import dev.surf.ad.experiment.stats.SampleMoments;
import dev.surf.ad.experiment.stats.WelchTest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CUPED for the per-user metrics: clicks per user (covariate: the user's pre-period clicks) and
 * spend per user (covariate: pre-period spend). The moments are summed over the experiment's
 * experiment_user rows at read time; a user without a recorded covariate counts with 0, which
 * keeps the estimate unbiased (any covariate fixed before the start is independent of the arm).
 */
@ApplicationScoped
public class CupedAnalysis {
    private static final String RULE = "CUPED is applied to a per-user metric when the control and the variant each have "
            + "at least %d users with a non-zero pre-period covariate (the %d full UTC days before the start day); "
            + "theta is pooled over both arms.";

    /** Per-variant sums for one metric: Y = in-experiment value, X = pre-period value. */
    private record Row(String variantKey, Cuped.Moments clicks, long clickCovariates, Cuped.Moments spend, long spendCovariates) {
    }

    private enum PerUserMetric {
        CLICKS_PER_USER("pre-period clicks"), SPEND_PER_USER("pre-period spend");

        final String covariate;

        PerUserMetric(String covariate) {
            this.covariate = covariate;
        }
    }

    private final Jdbc jdbc;
    private final ActivityHistory history;
    private final int minUsers;

    public CupedAnalysis(Jdbc jdbc, ActivityHistory history,
                         @ConfigProperty(name = "surf.experiment.cuped.min-users-with-pre-period", defaultValue = "100") int minUsers) {
        if (minUsers < 2) {
            throw new IllegalArgumentException("surf.experiment.cuped.min-users-with-pre-period must be at least 2");
        }
        this.jdbc = jdbc;
        this.history = history;
        this.minUsers = minUsers;
    }

    CupedResults analyse(Experiment e, double confidence) {
        Map<String, Row> rows = jdbc.query("""
                select variant_key, count(*),
                       sum(clicks)::float8, sum(clicks::float8 * clicks),
                       sum(coalesce(pre_clicks, 0))::float8, sum(coalesce(pre_clicks, 0)::float8 * coalesce(pre_clicks, 0)),
                       sum(coalesce(pre_clicks, 0)::float8 * clicks), count(*) filter (where pre_clicks > 0),
                       sum(spend_micros / 1e6::float8), sum((spend_micros / 1e6::float8) ^ 2),
                       sum(coalesce(pre_spend_micros, 0) / 1e6::float8), sum((coalesce(pre_spend_micros, 0) / 1e6::float8) ^ 2),
                       sum((coalesce(pre_spend_micros, 0) / 1e6::float8) * (spend_micros / 1e6::float8)),
                       count(*) filter (where pre_spend_micros > 0)
                from ad.experiment_user where experiment_id = ? group by variant_key""", ps -> ps.setLong(1, e.id()),
                rs -> new Row(rs.getString(1),
                        new Cuped.Moments(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)),
                        rs.getLong(8),
                        new Cuped.Moments(rs.getLong(2), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13)),
                        rs.getLong(14)))
                .stream().collect(Collectors.toMap(Row::variantKey, Function.identity()));
        List<CupedComparison> out = new ArrayList<>();
        Row control = rows.get(e.control().key());
        for (Variant v : e.variants()) {
            Row treatment = rows.get(v.key());
            if (v.key().equals(e.control().key()) || control == null || treatment == null) {
                continue;
            }
            for (PerUserMetric m : PerUserMetric.values()) {
                CupedComparison c = compare(m, control, treatment, confidence);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return new CupedResults(history.preDays(), minUsers, RULE.formatted(minUsers, history.preDays()), out);
    }

    /** Null while an arm has fewer than 2 users (no variance to estimate yet). */
    private CupedComparison compare(PerUserMetric m, Row control, Row treatment, double confidence) {
        boolean clicks = m == PerUserMetric.CLICKS_PER_USER;
        Cuped.Moments c = clicks ? control.clicks() : control.spend();
        Cuped.Moments t = clicks ? treatment.clicks() : treatment.spend();
        if (c.n() < 2 || t.n() < 2) {
            return null;
        }
        long cWith = clicks ? control.clickCovariates() : control.spendCovariates();
        long tWith = clicks ? treatment.clickCovariates() : treatment.spendCovariates();
        Estimate raw = estimate(WelchTest.compare(new SampleMoments(c.n(), c.sumY(), c.sumY2()),
                new SampleMoments(t.n(), t.sumY(), t.sumY2()), confidence));
        if (cWith < minUsers || tWith < minUsers) {
            return new CupedComparison(m.name(), m.covariate, treatment.variantKey(), control.variantKey(), cWith, tWith, false,
                    "not applied: fewer than " + minUsers + " users with a non-zero " + m.covariate + " in an arm",
                    null, null, raw, null);
        }
        Cuped.Result r = Cuped.compare(c, t, confidence);
        return new CupedComparison(m.name(), m.covariate, treatment.variantKey(), control.variantKey(), cWith, tWith, true,
                "applied", r.theta(), r.varianceReduction(), raw, estimate(r.comparison()));
    }

    private static Estimate estimate(Comparison r) {
        return new Estimate(r.control(), r.treatment(), r.absoluteLift(), ResultsService.interval(r.absoluteCi()),
                r.relativeLift(), r.relativeCi() == null ? null : ResultsService.interval(r.relativeCi()),
                r.standardError(), r.pValue());
    }
}
