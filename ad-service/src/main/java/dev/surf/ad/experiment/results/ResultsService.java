package dev.surf.ad.experiment.results;

import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.ExperimentService;
import dev.surf.ad.experiment.Jdbc;
import dev.surf.ad.experiment.Metric;
import dev.surf.ad.experiment.Variant;
import dev.surf.ad.experiment.results.ExperimentResults.MetricComparison;
import dev.surf.ad.experiment.results.ExperimentResults.VariantResult;
import dev.surf.ad.experiment.stats.Comparison;
import dev.surf.ad.experiment.stats.Msprt;
import dev.surf.ad.experiment.stats.SampleMoments;
import dev.surf.ad.experiment.stats.SampleRatioMismatch;
import dev.surf.ad.experiment.stats.TwoProportionTest;
import dev.surf.ad.experiment.stats.WelchTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns the variant totals into the results view: ratios, SRM check and per-metric comparisons. */
@ApplicationScoped
public class ResultsService {
    private static final double MICROS = 1_000_000d;

    private final ExperimentService experiments;
    private final Jdbc jdbc;
    private final double confidence;
    private final double tauRelative;
    private final double srmThreshold;
    private final CupedAnalysis cuped;

    public ResultsService(ExperimentService experiments, Jdbc jdbc, CupedAnalysis cuped,
                          @ConfigProperty(name = "surf.experiment.confidence", defaultValue = "0.95") double confidence,
                          @ConfigProperty(name = "surf.experiment.msprt.tau-relative", defaultValue = "0.1") double tauRelative,
                          @ConfigProperty(name = "surf.experiment.srm.threshold", defaultValue = "0.001") double srmThreshold) {
        this.experiments = experiments;
        this.jdbc = jdbc;
        this.confidence = confidence;
        this.tauRelative = tauRelative;
        this.srmThreshold = srmThreshold;
        this.cuped = cuped;
    }

    @Transactional
    public ExperimentResults results(long id) {
        Experiment e = experiments.get(id);
        Map<String, VariantTotals> rows = jdbc.query("""
                select variant_key, users, exposures, impressions, clicks, conversions, clicked_users, converted_users,
                       spend_micros, spend_sq_sum, mismatched_events
                from ad.experiment_variant_stats where experiment_id = ?""", ps -> ps.setLong(1, id),
                rs -> new VariantTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getDouble(10), rs.getLong(11)))
                .stream().collect(Collectors.toMap(VariantTotals::variantKey, Function.identity()));
        List<VariantTotals> totals = e.variants().stream()
                .map(v -> rows.getOrDefault(v.key(), VariantTotals.empty(v.key()))).toList();

        List<VariantResult> variants = new ArrayList<>();
        for (int i = 0; i < e.variants().size(); i++) {
            variants.add(variantResult(e.variants().get(i), totals.get(i)));
        }
        long[] users = totals.stream().mapToLong(VariantTotals::users).toArray();
        double[] weights = e.variants().stream().mapToDouble(Variant::allocationPercent).toArray();
        var srm = SampleRatioMismatch.test(users, weights, srmThreshold);

        Variant control = e.control();
        VariantTotals c = rows.getOrDefault(control.key(), VariantTotals.empty(control.key()));
        List<MetricComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < e.variants().size(); i++) {
            Variant v = e.variants().get(i);
            if (v.key().equals(control.key())) {
                continue;
            }
            for (Metric m : Metric.values()) {
                MetricComparison mc = compare(m, role(e, m), control.key(), c, v.key(), totals.get(i));
                if (mc != null) {
                    comparisons.add(mc);
                }
            }
        }
        return new ExperimentResults(e.id(), e.key(), e.status(), e.startedAt(), e.stoppedAt(), Instant.now(), confidence,
                tauRelative, variants,
                new ExperimentResults.Srm(srm.chiSquare(), srm.degreesOfFreedom(), srm.pValue(), srmThreshold, srm.mismatch()),
                comparisons, cuped.analyse(e, confidence));
    }

    private static String role(Experiment e, Metric m) {
        if (e.primaryMetric() == m) {
            return "PRIMARY";
        }
        return e.guardrailMetrics().contains(m) ? "GUARDRAIL" : "SECONDARY";
    }

    private static VariantResult variantResult(Variant v, VariantTotals t) {
        double spend = t.spendMicros() / MICROS;
        return new VariantResult(v.key(), v.name(), v.control(), v.allocationPercent(), t.users(), t.exposures(),
                t.impressions(), t.clicks(), t.conversions(), spend,
                ratio(t.clicks(), t.impressions()), ratio(t.conversions(), t.clicks()),
                t.impressions() == 0 ? null : spend * 1000 / t.impressions(),
                ratio(t.clickedUsers(), t.users()), ratio(t.convertedUsers(), t.users()),
                t.users() == 0 ? null : spend / t.users(), t.mismatchedEvents());
    }

    private static Double ratio(long num, long den) {
        return den == 0 ? null : (double) num / den;
    }

    /** Null when there is not yet enough data for the test (no users, or fewer than 2 per arm for Welch). */
    private MetricComparison compare(Metric m, String role, String controlKey, VariantTotals c, String variantKey, VariantTotals t) {
        Comparison r;
        String test;
        switch (m) {
            case CLICK_RATE, CONVERSION_RATE -> {
                if (c.users() == 0 || t.users() == 0) {
                    return null;
                }
                boolean click = m == Metric.CLICK_RATE;
                r = TwoProportionTest.compare(click ? c.clickedUsers() : c.convertedUsers(), c.users(),
                        click ? t.clickedUsers() : t.convertedUsers(), t.users(), confidence);
                test = "two-proportion z-test";
            }
            case SPEND_PER_USER -> {
                if (c.users() < 2 || t.users() < 2) {
                    return null;
                }
                r = WelchTest.compare(moments(c), moments(t), confidence);
                test = "Welch t-test";
            }
            default -> throw new IllegalStateException("unhandled metric " + m);
        }
        Double msprt = null;
        double variance = r.standardError() * r.standardError();
        double tau = tauRelative * Math.abs(r.control());
        if (variance > 0 && tau > 0) {
            msprt = Msprt.pValue(r.absoluteLift(), variance, tau);
        }
        return new MetricComparison(m, role, variantKey, controlKey, test, r.control(), r.treatment(), r.absoluteLift(),
                interval(r.absoluteCi()), r.relativeLift(), r.relativeCi() == null ? null : interval(r.relativeCi()),
                r.statistic(), Double.isFinite(r.degreesOfFreedom()) ? r.degreesOfFreedom() : null, r.pValue(), msprt,
                r.pValue() < 1 - confidence);
    }

    private static SampleMoments moments(VariantTotals t) {
        return new SampleMoments(t.users(), t.spendMicros() / MICROS, t.spendSquareSum() / (MICROS * MICROS));
    }

    static ExperimentResults.Interval interval(dev.surf.ad.experiment.stats.Interval i) {
        return new ExperimentResults.Interval(i.low(), i.high());
    }
}
