package dev.surf.ad.experiment.stats;

/**
 * CUPED (Deng, Xu, Kohavi, Walker, WSDM 2013): subtract theta * (X - mean X) from each user's metric Y,
 * where X is the same user's pre-period covariate and theta = Cov(X, Y) / Var(X) is estimated on
 * all users pooled (so it does not depend on the treatment). The adjusted means stay unbiased and
 * their variance shrinks by the factor 1 - rho^2.
 */
public final class Cuped {
    /** Per-variant sums over users of Y, Y^2, X, X^2 and X*Y. */
    public record Moments(long n, double sumY, double sumY2, double sumX, double sumX2, double sumXY) {
        Moments plus(Moments o) {
            return new Moments(n + o.n, sumY + o.sumY, sumY2 + o.sumY2, sumX + o.sumX, sumX2 + o.sumX2, sumXY + o.sumXY);
        }

        double varY() {
            return (sumY2 - sumY * sumY / n) / (n - 1);
        }

        double varX() {
            return (sumX2 - sumX * sumX / n) / (n - 1);
        }

        double covXY() {
            return (sumXY - sumX * sumY / n) / (n - 1);
        }

        public static Moments of(double[] y, double[] x) {
            double sy = 0, sy2 = 0, sx = 0, sx2 = 0, sxy = 0;
            for (int i = 0; i < y.length; i++) {
                sy += y[i];
                sy2 += y[i] * y[i];
                sx += x[i];
                sx2 += x[i] * x[i];
                sxy += x[i] * y[i];
            }
            return new Moments(y.length, sy, sy2, sx, sx2, sxy);
        }
    }

    /**
     * @param theta             the pooled regression coefficient
     * @param comparison        adjusted treatment vs control (normal approximation)
     * @param varianceReduction 1 - Var(adjusted difference) / Var(raw difference)
     */
    public record Result(double theta, Comparison comparison, double varianceReduction) {
    }

    private Cuped() {
    }

    public static Result compare(Moments control, Moments treatment, double confidence) {
        if (control.n() < 2 || treatment.n() < 2) {
            throw new IllegalArgumentException("CUPED needs at least 2 users per arm");
        }
        Moments all = control.plus(treatment);
        double varX = all.varX();
        double theta = varX > 0 ? all.covXY() / varX : 0;
        double meanX = all.sumX() / all.n();
        double adjC = control.sumY() / control.n() - theta * (control.sumX() / control.n() - meanX);
        double adjT = treatment.sumY() / treatment.n() - theta * (treatment.sumX() / treatment.n() - meanX);
        double vC = adjustedVariance(control, theta) / control.n();
        double vT = adjustedVariance(treatment, theta) / treatment.n();
        double rawVar = control.varY() / control.n() + treatment.varY() / treatment.n();
        double se = Math.sqrt(vC + vT);
        double diff = adjT - adjC;
        double z = se == 0 ? 0 : diff / se;
        double p = se == 0 ? (diff == 0 ? 1 : 0) : Distributions.twoSidedNormalP(z);
        double zCrit = Distributions.normalQuantile(1 - (1 - confidence) / 2);
        Comparison c = Comparison.withRelative(adjC, adjT, vC, vT, zCrit * se, z, Double.POSITIVE_INFINITY, p, se, zCrit);
        double reduction = rawVar > 0 ? 1 - (vC + vT) / rawVar : 0;
        return new Result(theta, c, reduction);
    }

    /** Var(Y - theta X) = Var(Y) - 2 theta Cov(X, Y) + theta^2 Var(X), within one arm. */
    private static double adjustedVariance(Moments m, double theta) {
        return Math.max(0, m.varY() - 2 * theta * m.covXY() + theta * theta * m.varX());
    }
}
