package dev.surf.ad.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** CUPED on a data set small enough to compute by hand (the arithmetic is in the comments). */
class CupedTest {
    private static final double EPS = 1e-12;

    /**
     * Control (x, y): (1, 2), (2, 3), (3, 5); treatment: (1, 3), (2, 5), (3, 6).
     * Pooled: mean x = 2, mean y = 4; sum (x - 2)^2 = 4, sum (x - 2)(y - 4) = 6, so
     * theta = (6/5) / (4/5) = 1.5. Both arms have mean x = 2, so the adjusted means equal the raw
     * ones: 10/3 and 14/3, lift 4/3. y - 1.5 x is (0.5, 0, 0.5) in control and (1.5, 2, 1.5) in
     * treatment: variance 1/12 in each, so Var(lift) = 2 * (1/12) / 3 = 1/18. Raw y has variance 7/3
     * in each arm: Var(raw lift) = 14/9, and the reduction is 1 - (1/18) / (14/9) = 27/28.
     */
    @Test
    void handComputedExample() {
        Cuped.Moments control = Cuped.Moments.of(new double[] {2, 3, 5}, new double[] {1, 2, 3});
        Cuped.Moments treatment = Cuped.Moments.of(new double[] {3, 5, 6}, new double[] {1, 2, 3});
        Cuped.Result r = Cuped.compare(control, treatment, 0.95);
        assertEquals(1.5, r.theta(), EPS);
        assertEquals(10.0 / 3, r.comparison().control(), EPS);
        assertEquals(14.0 / 3, r.comparison().treatment(), EPS);
        assertEquals(4.0 / 3, r.comparison().absoluteLift(), EPS);
        double se = Math.sqrt(1.0 / 18);
        assertEquals(se, r.comparison().standardError(), EPS);
        assertEquals(27.0 / 28, r.varianceReduction(), EPS);
        // 95 % normal interval: 4/3 -/+ 1.959964 * sqrt(1/18) = [0.871365, 1.795301]
        assertEquals(0.871365, r.comparison().absoluteCi().low(), 1e-6);
        assertEquals(1.795301, r.comparison().absoluteCi().high(), 1e-6);
        assertEquals(0.4, r.comparison().relativeLift(), EPS);
        // z = (4/3) / sqrt(1/18) = 5.6569: two-sided p = 1.54e-8.
        assertEquals(5.656854, r.comparison().statistic(), 1e-6);
        assertEquals(1.54e-8, r.comparison().pValue(), 0.01e-8);
    }

    /**
     * When the arms' covariate means differ the adjustment moves the means: control (x, y)
     * (0, 1), (2, 3); treatment (2, 3), (4, 5). Pooled mean x = 2, theta = 1 (y = x + 1 exactly),
     * so adjusted means are 2 - 1 * (1 - 2) = 3 and 4 - 1 * (3 - 2) = 3: no effect and no variance left.
     */
    @Test
    void adjustmentRemovesACovariateImbalance() {
        Cuped.Result r = Cuped.compare(Cuped.Moments.of(new double[] {1, 3}, new double[] {0, 2}),
                Cuped.Moments.of(new double[] {3, 5}, new double[] {2, 4}), 0.95);
        assertEquals(1, r.theta(), EPS);
        assertEquals(3, r.comparison().control(), EPS);
        assertEquals(3, r.comparison().treatment(), EPS);
        assertEquals(0, r.comparison().absoluteLift(), EPS);
        assertEquals(1, r.varianceReduction(), EPS);
        assertEquals(1, r.comparison().pValue(), EPS);
    }

    /** A constant covariate carries no information: theta 0, the raw means, no reduction. */
    @Test
    void constantCovariateLeavesTheEstimateAlone() {
        Cuped.Result r = Cuped.compare(Cuped.Moments.of(new double[] {2, 3, 5}, new double[] {0, 0, 0}),
                Cuped.Moments.of(new double[] {3, 5, 6}, new double[] {0, 0, 0}), 0.95);
        assertEquals(0, r.theta(), EPS);
        assertEquals(4.0 / 3, r.comparison().absoluteLift(), EPS);
        assertEquals(0, r.varianceReduction(), EPS);
        assertEquals(Math.sqrt(14.0 / 9), r.comparison().standardError(), EPS);
    }

    @Test
    void needsTwoUsersPerArm() {
        assertThrows(IllegalArgumentException.class, () -> Cuped.compare(Cuped.Moments.of(new double[] {1}, new double[] {1}),
                Cuped.Moments.of(new double[] {1, 2}, new double[] {1, 2}), 0.95));
    }
}
