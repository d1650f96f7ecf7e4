package dev.surf.ad.experiment.stats;

/** Welch's unequal-variance t-test with Welch-Satterthwaite degrees of freedom. */
public final class WelchTest {
    private WelchTest() {
    }

    public static Comparison compare(SampleMoments control, SampleMoments treatment, double confidence) {
        if (control.n() < 2 || treatment.n() < 2) {
            throw new IllegalArgumentException("Welch's test needs at least 2 observations per arm");
        }
        double v1 = control.variance() / control.n();
        double v2 = treatment.variance() / treatment.n();
        double se = Math.sqrt(v1 + v2);
        double diff = treatment.mean() - control.mean();
        if (se == 0) {
            return Comparison.withRelative(control.mean(), treatment.mean(), 0, 0, 0, 0,
                    control.n() + treatment.n() - 2, diff == 0 ? 1 : 0, 0, 0);
        }
        double df = (v1 + v2) * (v1 + v2)
                / (v1 * v1 / (control.n() - 1) + v2 * v2 / (treatment.n() - 1));
        double t = diff / se;
        double p = Distributions.twoSidedTP(t, df);
        double tCrit = Distributions.studentTQuantile(1 - (1 - confidence) / 2, df);
        return Comparison.withRelative(control.mean(), treatment.mean(), v1, v2, tCrit * se, t, df, p, se, tCrit);
    }
}
