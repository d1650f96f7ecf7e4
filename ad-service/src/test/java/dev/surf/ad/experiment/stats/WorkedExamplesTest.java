package dev.surf.ad.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Published worked examples, each with its source and the numbers it prints. */
class WorkedExamplesTest {

    /**
     * straightdraw.github.io/probstat (Probability and Statistics course notes, section "The
     * z-Proportion Test", example "Voting"): Fulton 281 for / 192 against, Gwinnett 214 / 229;
     * the notes print z = 3.3683 (computed from rounded intermediates; unrounded it is 3.36899).
     * Cross-check: scipy.stats.chi2_contingency([[281,192],[214,229]], correction=False), the same
     * test as R's prop.test(correct = FALSE), gives X-squared = 11.350110 = z^2 and p = 0.00075443.
     */
    @Test
    void twoProportionZTestVotingExample() {
        Comparison c = TwoProportionTest.compare(214, 443, 281, 473, 0.95);
        assertEquals(3.3683, c.statistic(), 1e-3);
        assertEquals(11.350110, c.statistic() * c.statistic(), 1e-6);
        assertEquals(0.00075443, c.pValue(), 1e-8);
    }

    /**
     * Textbook exercise (homeworksource.com/p/1078444): poll of 300 New York City voters (56 % in
     * favour) and 200 Washington D.C. voters (48 %): pooled p = 0.528, z = 1.755, two-tailed p = 0.0792.
     * The 95 % Wald interval of the difference, by hand: 0.08 +/- 1.959964 * sqrt(.56*.44/300 + .48*.52/200)
     * = 0.08 +/- 0.089159.
     */
    @Test
    void twoProportionZTestPollExample() {
        Comparison c = TwoProportionTest.compare(96, 200, 168, 300, 0.95);
        assertEquals(1.755, c.statistic(), 5e-4);
        assertEquals(0.0792, c.pValue(), 5e-5);
        assertEquals(0.08, c.absoluteLift(), 1e-12);
        assertEquals(0.08 - 0.089159, c.absoluteCi().low(), 1e-5);
        assertEquals(0.08 + 0.089159, c.absoluteCi().high(), 1e-5);
        // Relative lift 0.56 / 0.48 - 1 with the delta-method standard error
        // sqrt(.56*.44/300 / .48^2 + .56^2 * .48*.52/200 / .48^4) = 0.1045825 (by hand).
        assertEquals(0.56 / 0.48 - 1, c.relativeLift(), 1e-12);
        double half = 1.959963984540054 * 0.1045825;
        assertEquals(c.relativeLift() - half, c.relativeCi().low(), 2e-5);
    }

    /**
     * R's t.test(ts1, ts2) (Welch by default), as quoted in the Cross Validated answer on Welch
     * confidence intervals: ts1 = 11,9,10,11,10,12,9,11,12,9; ts2 = 11,13,10,13,12,9,11,12,12,11;
     * t = -1.8325, df = 17.9, p-value = 0.08356, 95 % CI -2.1469104 .. 0.1469104.
     */
    @Test
    void welchExampleFromR() {
        SampleMoments ts1 = SampleMoments.of(11, 9, 10, 11, 10, 12, 9, 11, 12, 9);
        SampleMoments ts2 = SampleMoments.of(11, 13, 10, 13, 12, 9, 11, 12, 12, 11);
        Comparison c = WelchTest.compare(ts2, ts1, 0.95); // treatment = ts1, so the difference is ts1 - ts2
        assertEquals(-1.8325, c.statistic(), 5e-5);
        assertEquals(17.9, c.degreesOfFreedom(), 0.05);
        assertEquals(0.08356, c.pValue(), 5e-6);
        assertEquals(-2.1469104, c.absoluteCi().low(), 1e-6);
        assertEquals(0.1469104, c.absoluteCi().high(), 1e-6);
    }

    /**
     * Mendel's dihybrid cross (1866), the standard chi-square goodness-of-fit textbook example:
     * 315 round-yellow, 108 round-green, 101 wrinkled-yellow, 32 wrinkled-green against 9:3:3:1 gives
     * chi-square = 0.470 with 3 df, p = 0.925.
     */
    @Test
    void srmChiSquareMendelExample() {
        var r = SampleRatioMismatch.test(new long[] {315, 108, 101, 32}, new double[] {9, 3, 3, 1}, 0.001);
        assertEquals(0.470, r.chiSquare(), 5e-4);
        assertEquals(3, r.degreesOfFreedom());
        assertEquals(0.925, r.pValue(), 5e-4);
        assertFalse(r.mismatch());
    }

    /**
     * A 50/50 split observed as 50,000 against 51,000 users, by hand:
     * expected 50,500 each, chi2 = 2 * 500^2 / 50,500 = 9.90099, p = 0.00165 (above 0.001, not flagged);
     * 50,000 vs 52,000: chi2 = 2 * 1000^2 / 51,000 = 39.2157, p = 3.8e-10, flagged.
     */
    @Test
    void srmFlagsABrokenSplit() {
        var mild = SampleRatioMismatch.test(new long[] {50_000, 51_000}, new double[] {50, 50}, 0.001);
        assertEquals(9.90099, mild.chiSquare(), 1e-5);
        assertFalse(mild.mismatch());
        var broken = SampleRatioMismatch.test(new long[] {50_000, 52_000}, new double[] {50, 50}, 0.001);
        assertEquals(39.2157, broken.chiSquare(), 1e-4);
        assertTrue(broken.mismatch());
        assertEquals(2 * Distributions.normalSf(Math.sqrt(39.2156862745098)), broken.pValue(), 1e-15);
    }

    /**
     * mSPRT by hand: d = 0.02, s^2 = 1e-4, tau^2 = 1e-4: Lambda = sqrt(1/2) * exp(1e-4 * 4e-4 / (2e-4 * 2e-4))
     * = 0.7071068 * e = 1.9221155, so p = 0.5202600. With d = 0 Lambda < 1 and p = 1.
     */
    @Test
    void msprtByHand() {
        assertEquals(0.5202600, Msprt.pValue(0.02, 1e-4, 0.01), 1e-7);
        assertEquals(1.0, Msprt.pValue(0, 1e-4, 0.01), 0);
        // A huge statistic must not overflow.
        assertEquals(0.0, Msprt.pValue(10, 1e-6, 0.01), 1e-300);
    }
}
