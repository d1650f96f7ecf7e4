package dev.surf.ad.experiment.stats;

/**
 * Pearson chi-square goodness-of-fit of observed assignment counts against the configured split.
 * A p-value below the threshold (0.001 by convention, since the check runs continuously) flags a
 * broken split: the results cannot be trusted until the cause is found.
 */
public final class SampleRatioMismatch {
    public static final double DEFAULT_THRESHOLD = 0.001;

    public record Result(double chiSquare, int degreesOfFreedom, double pValue, boolean mismatch) {
    }

    private SampleRatioMismatch() {
    }

    /** @param expectedWeights allocation weights (any positive scale, e.g. percentages) */
    public static Result test(long[] observed, double[] expectedWeights, double threshold) {
        if (observed.length != expectedWeights.length || observed.length < 2) {
            throw new IllegalArgumentException("need at least two variants and one weight per variant");
        }
        long total = 0;
        double weightSum = 0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] < 0 || !(expectedWeights[i] > 0)) {
                throw new IllegalArgumentException("counts must be >= 0 and weights > 0");
            }
            total += observed[i];
            weightSum += expectedWeights[i];
        }
        if (total == 0) {
            return new Result(0, observed.length - 1, 1, false);
        }
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * expectedWeights[i] / weightSum;
            double d = observed[i] - expected;
            chi2 += d * d / expected;
        }
        int df = observed.length - 1;
        double p = Distributions.chiSquareSf(chi2, df);
        return new Result(chi2, df, p, p < threshold);
    }
}
