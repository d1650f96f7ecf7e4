package dev.surf.ad.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Reference values: the standard normal, t and chi-square tables (Abramowitz and Stegun,
 * Handbook of Mathematical Functions, tables 26.1, 26.7 and 26.8) to the digits printed there, and
 * closed forms where they exist (Cauchy = t with 1 df, t with 2 df, chi-square with 2 df = exponential,
 * chi-square with 1 df = squared normal: P(X > 100) = 2 P(Z > 10) = 1.523970604832094e-23). Tails are
 * checked by relative error far out; the normal tail beyond 5 sigma is good to about 1e-9 relative.
 */
class DistributionsTest {

    private static void assertRelative(double expected, double actual, double rel) {
        assertEquals(expected, actual, Math.abs(expected) * rel, () -> "expected " + expected + " got " + actual);
    }

    @Test
    void normalCdfCentralAndTails() {
        assertEquals(0.5, Distributions.normalCdf(0), 1e-15);
        assertEquals(0.8413447460685429, Distributions.normalCdf(1), 1e-14);
        assertEquals(0.025, Distributions.normalCdf(-1.959963984540054), 1e-14);
        assertEquals(0.975, Distributions.normalCdf(1.959963984540054), 1e-14);
        assertRelative(1.3498980316300946e-3, Distributions.normalCdf(-3), 1e-12);
        assertRelative(2.866515718791939e-7, Distributions.normalSf(5), 1e-9);
        assertRelative(7.619853024160527e-24, Distributions.normalSf(10), 1e-8);
        assertRelative(2.0 * 7.619853024160527e-24, Distributions.twoSidedNormalP(-10), 1e-8);
        assertEquals(1.0, Distributions.normalCdf(40), 0);
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        assertEquals(1.959963984540054, Distributions.normalQuantile(0.975), 1e-12);
        assertEquals(2.5758293035489004, Distributions.normalQuantile(0.995), 1e-12);
        assertEquals(-1.6448536269514729, Distributions.normalQuantile(0.05), 1e-12);
        assertEquals(-6.361340902404056, Distributions.normalQuantile(1e-10), 1e-9);
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertEquals(p, Distributions.normalCdf(Distributions.normalQuantile(p)), 1e-13);
        }
    }

    @Test
    void studentTAgainstClosedFormsAndTables() {
        // 1 df is the Cauchy distribution: F(t) = 1/2 + atan(t)/pi.
        for (double t : new double[] {-30, -2, -0.5, 0.3, 1, 4, 100}) {
            assertEquals(0.5 + Math.atan(t) / Math.PI, Distributions.studentTCdf(t, 1), 1e-13);
        }
        // 2 df: F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
        for (double t : new double[] {-7, -1.2, 0.01, 2.5, 9}) {
            assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), Distributions.studentTCdf(t, 2), 1e-13);
        }
        // Table critical values t_{0.975, df}.
        assertEquals(0.975, Distributions.studentTCdf(12.706204736174703, 1), 1e-12);
        assertEquals(0.975, Distributions.studentTCdf(2.228138851986274, 10), 1e-12);
        assertEquals(0.05, Distributions.twoSidedTP(2.0422724563012373, 30), 1e-12);
        assertEquals(2.228138851986274, Distributions.studentTQuantile(0.975, 10), 1e-9);
        assertEquals(-2.0422724563012373, Distributions.studentTQuantile(0.025, 30), 1e-9);
        // Large df converges to the normal.
        assertEquals(Distributions.normalCdf(1.3), Distributions.studentTCdf(1.3, 1e7), 1e-7);
        // Far tail of the Cauchy: P(T > 1e6) = atan(1e-6)/pi.
        assertRelative(Math.atan(1e-6) / Math.PI, Distributions.studentTCdf(-1e6, 1), 1e-9);
    }

    @Test
    void chiSquareAgainstClosedFormsAndTables() {
        for (double x : new double[] {0.01, 0.7, 3, 12, 60, 300}) {
            assertRelative(Math.exp(-x / 2), Distributions.chiSquareSf(x, 2), 1e-12);
        }
        // 1 df is a squared standard normal: P(X > z^2) = 2 P(Z > z).
        assertRelative(1.523970604832094e-23, Distributions.chiSquareSf(100, 1), 1e-12);
        assertEquals(0.05, Distributions.chiSquareSf(3.841458820694124, 1), 1e-12);
        assertEquals(0.01, Distributions.chiSquareSf(6.6348966010212145, 1), 1e-12);
        assertEquals(0.05, Distributions.chiSquareSf(5.991464547107979, 2), 1e-12);
        assertEquals(0.05, Distributions.chiSquareSf(18.307038053275146, 10), 1e-12);
        assertEquals(0.95, Distributions.chiSquareCdf(18.307038053275146, 10), 1e-12);
        assertEquals(1.0, Distributions.chiSquareSf(0, 3), 0);
    }

    @Test
    void logGammaMatchesFactorials() {
        assertEquals(Math.log(3628800), Distributions.logGamma(11), 1e-12);
        assertEquals(0.5 * Math.log(Math.PI), Distributions.logGamma(0.5), 1e-13);
    }
}
