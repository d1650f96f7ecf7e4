package dev.surf.ad.experiment.stats;

/**
 * Normal, Student t and chi-square distribution functions in plain double precision.
 * Tails are computed directly (never as 1 - cdf) so small p-values keep their relative accuracy.
 */
public final class Distributions {
    private static final double SQRT_2PI = 2.5066282746310002;
    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITER = 10_000;

    private Distributions() {
    }

    /**
     * Standard normal CDF, Hart's algorithm as given by West (2005): absolute error below 1e-14,
     * relative error of the far tail (x < -5) about 1e-9, ample for p-values.
     */
    public static double normalCdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double ax = Math.abs(x);
        double tail;
        if (ax > 37) {
            tail = 0;
        } else {
            double e = Math.exp(-ax * ax / 2);
            if (ax < 7.07106781186547) {
                double num = 3.52624965998911e-02 * ax + 0.700383064443688;
                num = num * ax + 6.37396220353165;
                num = num * ax + 33.912866078383;
                num = num * ax + 112.079291497871;
                num = num * ax + 221.213596169931;
                num = num * ax + 220.206867912376;
                double den = 8.83883476483184e-02 * ax + 1.75566716318264;
                den = den * ax + 16.064177579207;
                den = den * ax + 86.7807322029461;
                den = den * ax + 296.564248779674;
                den = den * ax + 637.333633378831;
                den = den * ax + 793.826512519948;
                den = den * ax + 440.413735824752;
                tail = e * num / den;
            } else {
                double b = ax + 0.65;
                b = ax + 4 / b;
                b = ax + 3 / b;
                b = ax + 2 / b;
                b = ax + 1 / b;
                tail = e / b / SQRT_2PI;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }

    /** Upper tail P(Z > x), accurate for large x. */
    public static double normalSf(double x) {
        return normalCdf(-x);
    }

    /** Two-sided p-value of a z statistic. */
    public static double twoSidedNormalP(double z) {
        return Math.min(1.0, 2 * normalSf(Math.abs(z)));
    }

    /** Inverse standard normal CDF: Acklam's rational approximation refined by one Halley step. */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            if (p == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p == 1) {
                return Double.POSITIVE_INFINITY;
            }
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                3.754408661907416e+00};
        double pLow = 0.02425;
        double x;
        if (p < pLow) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - pLow) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        // One Halley step brings the ~1e-9 approximation to full double precision.
        double err = (p < 0.5 ? normalCdf(x) - p : -(normalSf(x) - (1 - p)));
        double u = err * SQRT_2PI * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /** CDF of Student's t with {@code df > 0} degrees of freedom (df may be fractional, as in Welch). */
    public static double studentTCdf(double t, double df) {
        requirePositive(df, "df");
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(df)) {
            return normalCdf(t);
        }
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /** Two-sided p-value of a t statistic. */
    public static double twoSidedTP(double t, double df) {
        requirePositive(df, "df");
        double x = df / (df + t * t);
        return Math.min(1.0, regularizedIncompleteBeta(x, df / 2, 0.5));
    }

    /** Quantile of Student's t by bisection on the CDF (monotone, so it always converges). */
    public static double studentTQuantile(double p, double df) {
        requirePositive(df, "df");
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1): " + p);
        }
        if (p == 0.5) {
            return 0;
        }
        double lo = -1;
        double hi = 1;
        while (studentTCdf(lo, df) > p) {
            lo *= 2;
        }
        while (studentTCdf(hi, df) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); i++) {
            double mid = (lo + hi) / 2;
            if (studentTCdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Upper tail P(X > x) of a chi-square variable with {@code df} degrees of freedom. */
    public static double chiSquareSf(double x, double df) {
        requirePositive(df, "df");
        if (x <= 0) {
            return 1;
        }
        return regularizedGammaQ(df / 2, x / 2);
    }

    public static double chiSquareCdf(double x, double df) {
        requirePositive(df, "df");
        if (x <= 0) {
            return 0;
        }
        return regularizedGammaP(df / 2, x / 2);
    }

    /** log Gamma(x) for x > 0, Lanczos approximation (g = 7, n = 9), relative error below 1e-15. */
    public static double logGamma(double x) {
        requirePositive(x, "x");
        if (x < 0.5) {
            // Reflection keeps the series in its accurate range.
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        final double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        double z = x - 1;
        double s = g[0];
        for (int i = 1; i < 9; i++) {
            s += g[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }

    /** Regularized lower incomplete gamma P(a, x). */
    public static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
    }

    /** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), computed without cancellation. */
    public static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double sum = 1 / a;
        double del = sum;
        for (int n = 0; n < MAX_ITER; n++) {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (Math.abs(del) < Math.abs(sum) * EPS) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Modified Lentz evaluation of the continued fraction for Q(a, x). */
    private static double gammaContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITER; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** Regularized incomplete beta I_x(a, b). */
    public static double regularizedIncompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        double front = Math.exp(lnFront);
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_ITER; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be > 0: " + v);
        }
    }
}
