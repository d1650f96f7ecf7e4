package dev.surf.ad.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations through the production code. Tolerance bands are about 3.5 binomial standard
 * errors of the simulated rate, so a correct implementation fails far less than once in a thousand
 * seeds, and a wrong one (for example a one-sided p-value, or a pooled CI) lands well outside.
 */
class SimulationTest {
    private static final double ALPHA = 0.05;

    private static long binomial(SplittableRandom rnd, int n, double p) {
        long x = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }

    /** A/A: both arms identical, 4,000 experiments of 2 x 2,000 users at a 10 % conversion rate. */
    @Test
    void aaFalsePositiveRateOfTheZTestIsNearAlpha() {
        SplittableRandom rnd = new SplittableRandom(20261128);
        int experiments = 4000;
        int n = 2000;
        int rejected = 0;
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            Comparison c = TwoProportionTest.compare(binomial(rnd, n, 0.1), n, binomial(rnd, n, 0.1), n, 0.95);
            if (c.pValue() < ALPHA) {
                rejected++;
            }
            if (c.absoluteCi().contains(0)) {
                covered++;
            }
        }
        double fpr = (double) rejected / experiments;
        System.out.printf("A/A z-test: %d experiments, false-positive rate %.4f at alpha 0.05, CI coverage %.4f%n",
                experiments, fpr, (double) covered / experiments);
        // SE of the rate = sqrt(.05 * .95 / 4000) = 0.0034; band +/- 0.012.
        assertEquals(ALPHA, fpr, 0.012, "A/A false-positive rate " + fpr);
        assertEquals(1 - ALPHA, (double) covered / experiments, 0.012);
    }

    /** A/A on revenue per user: 90 % of users spend nothing, the rest a skewed (log-normal) amount. */
    @Test
    void aaFalsePositiveRateOfWelchOnSkewedRevenueIsNearAlpha() {
        SplittableRandom rnd = new SplittableRandom(7);
        int experiments = 3000;
        int n = 2000;
        int rejected = 0;
        for (int e = 0; e < experiments; e++) {
            Comparison c = WelchTest.compare(revenue(rnd, n), revenue(rnd, n), 0.95);
            if (c.pValue() < ALPHA) {
                rejected++;
            }
        }
        double fpr = (double) rejected / experiments;
        System.out.printf("A/A Welch (skewed revenue): %d experiments, false-positive rate %.4f%n", experiments, fpr);
        // SE = sqrt(.05 * .95 / 3000) = 0.004; band +/- 0.014.
        assertEquals(ALPHA, fpr, 0.014, "A/A false-positive rate " + fpr);
    }

    private static SampleMoments revenue(SplittableRandom rnd, int n) {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double v = rnd.nextDouble() < 0.1 ? Math.exp(gaussian(rnd) * 0.8 + 1) : 0;
            s += v;
            s2 += v * v;
        }
        return new SampleMoments(n, s, s2);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian of its own.
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** The delta-method interval of the relative lift covers the true ratio about 95 % of the time. */
    @Test
    void relativeLiftIntervalCoversTheTrueLift() {
        SplittableRandom rnd = new SplittableRandom(99);
        int experiments = 3000;
        int n = 5000;
        double p1 = 0.10;
        double p2 = 0.115;
        double trueLift = p2 / p1 - 1;
        int covered = 0;
        for (int e = 0; e < experiments; e++) {
            Comparison c = TwoProportionTest.compare(binomial(rnd, n, p1), n, binomial(rnd, n, p2), n, 0.95);
            if (c.relativeCi().contains(trueLift)) {
                covered++;
            }
        }
        System.out.printf("relative-lift delta-method CI coverage %.4f%n", (double) covered / experiments);
        assertEquals(0.95, (double) covered / experiments, 0.014);
    }

    /**
     * Peeking: 1,000 A/A experiments looked at after every 200 users per arm, 25 looks. Stopping at
     * the first fixed-horizon p < 0.05 inflates false positives far above 5 %; the mSPRT p-value,
     * read at every look, stays below 5 %.
     */
    @Test
    void msprtStaysValidUnderContinuousPeekingWhileTheZTestDoesNot() {
        SplittableRandom rnd = new SplittableRandom(1234);
        int experiments = 1000;
        int looks = 25;
        int step = 200;
        double rate = 0.2;
        int naive = 0;
        int sequential = 0;
        for (int e = 0; e < experiments; e++) {
            long x1 = 0;
            long x2 = 0;
            boolean naiveHit = false;
            boolean seqHit = false;
            for (int look = 1; look <= looks; look++) {
                x1 += binomial(rnd, step, rate);
                x2 += binomial(rnd, step, rate);
                int n = look * step;
                Comparison c = TwoProportionTest.compare(x1, n, x2, n, 0.95);
                naiveHit |= c.pValue() < ALPHA;
                double tau = 0.1 * c.control(); // the documented default: 10 % of the control mean
                seqHit |= Msprt.pValue(c.absoluteLift(), c.standardError() * c.standardError(), tau) < ALPHA;
            }
            naive += naiveHit ? 1 : 0;
            sequential += seqHit ? 1 : 0;
        }
        double naiveRate = (double) naive / experiments;
        double seqRate = (double) sequential / experiments;
        System.out.printf("A/A with %d peeks: z-test false-positive rate %.4f, mSPRT %.4f%n", looks, naiveRate, seqRate);
        assertTrue(naiveRate > 0.12, "peeking at the z-test should inflate false positives, got " + naiveRate);
        assertTrue(seqRate <= 0.05 + 0.012, "mSPRT false-positive rate under peeking " + seqRate);
    }

    /** CUPED with a covariate correlated at rho = 0.8 keeps the effect and cuts variance by about rho^2. */
    @Test
    void cupedReducesVarianceByRhoSquaredAndStaysUnbiased() {
        SplittableRandom rnd = new SplittableRandom(42);
        int n = 20_000;
        double rho = 0.8;
        double effect = 0.05;
        double[][] control = users(rnd, n, rho, 0);
        double[][] treatment = users(rnd, n, rho, effect);
        Cuped.Result r = Cuped.compare(Cuped.Moments.of(control[0], control[1]),
                Cuped.Moments.of(treatment[0], treatment[1]), 0.95);
        assertEquals(rho, r.theta(), 0.02); // Cov(X, Y) / Var(X) = rho for unit variances
        assertEquals(rho * rho, r.varianceReduction(), 0.03);
        assertTrue(r.comparison().absoluteCi().contains(effect), "CI " + r.comparison().absoluteCi());
        // Raw Welch on Y alone has the wider interval.
        Comparison raw = WelchTest.compare(SampleMoments.of(control[0]), SampleMoments.of(treatment[0]), 0.95);
        double ratio = r.comparison().standardError() / raw.standardError();
        System.out.printf("CUPED rho=0.8: theta %.4f, variance reduction %.4f, SE ratio %.4f%n", r.theta(), r.varianceReduction(), ratio);
        assertEquals(Math.sqrt(1 - rho * rho), ratio, 0.02);
    }

    /**
     * A/A with CUPED on click counts: each user has a latent click rate (gamma, mean 2) and clicks a
     * Poisson number of times before and during the experiment, so pre and post clicks correlate
     * but are skewed integers, like the real metric. 2,000 experiments of 2 x 500 users: the
     * adjusted lift averages 0 (no bias), its false-positive rate stays near 5 %, and the variance
     * drops against the raw comparison.
     */
    @Test
    void cupedUnderAaIsUnbiasedKeepsAlphaAndReducesVariance() {
        SplittableRandom rnd = new SplittableRandom(314);
        int experiments = 2000;
        int n = 500;
        int rejected = 0;
        double sumLift = 0;
        double sumLiftSq = 0;
        double sumReduction = 0;
        for (int e = 0; e < experiments; e++) {
            Cuped.Result r = Cuped.compare(clickUsers(rnd, n), clickUsers(rnd, n), 0.95);
            rejected += r.comparison().pValue() < ALPHA ? 1 : 0;
            sumLift += r.comparison().absoluteLift();
            sumLiftSq += r.comparison().absoluteLift() * r.comparison().absoluteLift();
            sumReduction += r.varianceReduction();
        }
        double fpr = (double) rejected / experiments;
        double meanLift = sumLift / experiments;
        double sdLift = Math.sqrt(sumLiftSq / experiments - meanLift * meanLift);
        double reduction = sumReduction / experiments;
        System.out.printf("A/A CUPED (Poisson-gamma clicks): %d experiments, false-positive rate %.4f, mean lift %.5f "
                + "(sd %.4f), mean variance reduction %.4f%n", experiments, fpr, meanLift, sdLift, reduction);
        // SE of the rate = sqrt(.05 * .95 / 2000) = 0.0049; band +/- 0.017.
        assertEquals(ALPHA, fpr, 0.017, "A/A false-positive rate with CUPED " + fpr);
        // Unbiased: the mean of 2,000 lifts is within 4 standard errors of 0.
        assertEquals(0, meanLift, 4 * sdLift / Math.sqrt(experiments), "mean A/A lift " + meanLift);
        // Var(rate) = 2, Var(clicks) = 2 + 2 = 4 per period, Corr(pre, post) = 2 / 4: rho^2 = 0.25.
        assertEquals(0.25, reduction, 0.03, "variance reduction " + reduction);
    }

    private static Cuped.Moments clickUsers(SplittableRandom rnd, int n) {
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double rate = -Math.log(1 - rnd.nextDouble()) - Math.log(1 - rnd.nextDouble()); // gamma(2, 1)
            x[i] = poisson(rnd, rate);
            y[i] = poisson(rnd, rate);
        }
        return Cuped.Moments.of(y, x);
    }

    /** Knuth's multiplication method; fine for the small rates used here. */
    private static int poisson(SplittableRandom rnd, double mean) {
        double limit = Math.exp(-mean);
        double product = rnd.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    /** y = effect + rho x + sqrt(1 - rho^2) e with x, e standard normal: Var(y) = 1, Corr(x, y) = rho. */
    private static double[][] users(SplittableRandom rnd, int n, double rho, double effect) {
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = gaussian(rnd);
            y[i] = effect + rho * x[i] + Math.sqrt(1 - rho * rho) * gaussian(rnd);
        }
        return new double[][] {y, x};
    }
}
