package dev.surf.ad.experiment.results;

import dev.surf.ad.experiment.ExperimentStatus;
import dev.surf.ad.experiment.Metric;
import java.time.Instant;
import java.util.List;

/**
 * Live results of an experiment. Money is in the campaign currency's units (micros / 1e6).
 * Ratios whose denominator is zero are null.
 */
public record ExperimentResults(long experimentId, String key, ExperimentStatus status, Instant startedAt,
                                Instant stoppedAt, Instant computedAt, double confidence, double msprtTauRelative,
                                List<VariantResult> variants, Srm sampleRatio, List<MetricComparison> comparisons,
                                String cuped) {

    /** Per variant: exposed users (distinct), exposure events, totals and ratios. */
    public record VariantResult(String key, String name, boolean control, int allocationPercent, long users,
                                long exposures, long impressions, long clicks, long conversions, double spend,
                                Double ctr, Double cvr, Double revenuePerMille, Double clickRate,
                                Double conversionRate, Double spendPerUser, long mismatchedEvents) {
    }

    /** Sample-ratio-mismatch check of distinct users against the configured allocation. */
    public record Srm(double chiSquare, int degreesOfFreedom, double pValue, double threshold, boolean mismatch) {
    }

    /** A variant against the control on one metric. */
    public record MetricComparison(Metric metric, String role, String variantKey, String controlKey, String test,
                                   double control, double treatment, double absoluteLift, Interval absoluteCi,
                                   Double relativeLift, Interval relativeCi, double statistic, Double degreesOfFreedom,
                                   double pValue, Double msprtPValue, boolean significant) {
    }

    public record Interval(double low, double high) {
    }
}
