package dev.surf.ad.experiment.stats;

/** Count, sum and sum of squares of one variant's per-user values: enough for mean and variance. */
public record SampleMoments(long n, double sum, double sumOfSquares) {
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    /** Unbiased sample variance (n - 1 in the denominator); never negative despite rounding. */
    public double variance() {
        if (n < 2) {
            return 0;
        }
        return Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1));
    }

    public static SampleMoments of(double... values) {
        double s = 0;
        double s2 = 0;
        for (double v : values) {
            s += v;
            s2 += v * v;
        }
        return new SampleMoments(values.length, s, s2);
    }
}
