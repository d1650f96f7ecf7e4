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
                                CupedResults cuped) {

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

    /**
     * CUPED on the per-user metrics. {@code rule} says when an adjustment is applied; each row
     * carries the raw (Welch) and, when applied, the adjusted estimate side by side.
     */
    public record CupedResults(int prePeriodDays, int minUsersWithPrePeriod, String rule, List<CupedComparison> comparisons) {
    }

    /**
     * One per-user metric of a variant against the control. theta is pooled over both arms;
     * varianceReduction is 1 - Var(adjusted lift) / Var(raw lift). adjusted, theta and
     * varianceReduction are null when {@code applied} is false ({@code note} says why).
     */
    public record CupedComparison(String metric, String covariate, String variantKey, String controlKey,
                                  long controlUsersWithPrePeriod, long treatmentUsersWithPrePeriod, boolean applied,
                                  String note, Double theta, Double varianceReduction, Estimate raw, Estimate adjusted) {
    }

    /** Means per user, absolute and relative lift with their confidence intervals, and the p-value. */
    public record Estimate(double control, double treatment, double absoluteLift, Interval absoluteCi,
                           Double relativeLift, Interval relativeCi, double standardError, double pValue) {
    }
}
