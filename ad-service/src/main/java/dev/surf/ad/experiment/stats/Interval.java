package dev.surf.ad.experiment.stats;

/** A two-sided confidence interval. */
public record Interval(double low, double high) {
    public boolean contains(double v) {
        return v >= low && v <= high;
    }

    static Interval around(double estimate, double halfWidth) {
        return new Interval(estimate - halfWidth, estimate + halfWidth);
    }
}
