package dev.surf.ad.experiment.stats;

/**
 * Treatment against control for one metric: absolute lift (treatment - control) and relative lift
 * (treatment / control - 1) with two-sided confidence intervals, the test statistic and its p-value.
 * The relative interval uses the delta method, so it is null when the control estimate is zero.
 */
public record Comparison(double control, double treatment, double absoluteLift, Interval absoluteCi,
                         Double relativeLift, Interval relativeCi, double statistic, double degreesOfFreedom,
                         double pValue, double standardError) {

    /** Delta-method interval for treatment/control - 1 given the two estimates and their variances. */
    static Comparison withRelative(double control, double treatment, double varControl, double varTreatment,
                                   double absHalfWidth, double statistic, double df, double p, double se,
                                   double criticalValue) {
        Double rel = null;
        Interval relCi = null;
        if (control != 0) {
            rel = treatment / control - 1;
            // Var(T/C) ~ Var(T)/C^2 + T^2 Var(C)/C^4 (first-order Taylor expansion, independent arms).
            double varRatio = varTreatment / (control * control)
                    + treatment * treatment * varControl / Math.pow(control, 4);
            relCi = Interval.around(rel, criticalValue * Math.sqrt(varRatio));
        }
        double diff = treatment - control;
        return new Comparison(control, treatment, diff, Interval.around(diff, absHalfWidth), rel, relCi,
                statistic, df, p, se);
    }
}
