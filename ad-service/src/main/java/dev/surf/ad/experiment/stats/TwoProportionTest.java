package dev.surf.ad.experiment.stats;

/**
 * Two-proportion z-test: the statistic uses the pooled proportion (the null hypothesis p1 = p2),
 * the confidence intervals use the unpooled (Wald) standard error.
 */
public final class TwoProportionTest {
    private TwoProportionTest() {
    }

    /**
     * @param controlSuccesses   successes in control, 0 <= x <= n
     * @param controlTrials      trials in control, > 0
     * @param confidence         e.g. 0.95
     */
    public static Comparison compare(long controlSuccesses, long controlTrials, long treatmentSuccesses,
                                     long treatmentTrials, double confidence) {
        check(controlSuccesses, controlTrials);
        check(treatmentSuccesses, treatmentTrials);
        double p1 = (double) controlSuccesses / controlTrials;
        double p2 = (double) treatmentSuccesses / treatmentTrials;
        double pooled = (double) (controlSuccesses + treatmentSuccesses) / (controlTrials + treatmentTrials);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlTrials + 1.0 / treatmentTrials));
        double z = sePooled == 0 ? 0 : (p2 - p1) / sePooled;
        double p = sePooled == 0 ? 1 : Distributions.twoSidedNormalP(z);
        double var1 = p1 * (1 - p1) / controlTrials;
        double var2 = p2 * (1 - p2) / treatmentTrials;
        double se = Math.sqrt(var1 + var2);
        double zCrit = Distributions.normalQuantile(1 - (1 - confidence) / 2);
        return Comparison.withRelative(p1, p2, var1, var2, zCrit * se, z, Double.POSITIVE_INFINITY, p, se, zCrit);
    }

    private static void check(long x, long n) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got " + x + "/" + n);
        }
    }
}
