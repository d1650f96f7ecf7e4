package dev.surf.ranking.model;

/**
 * Global prior rates and their smoothing strength: a campaign with c clicks on n impressions has a
 * smoothed CTR of (c + strength * ctr) / (n + strength), so new ads start at the prior and move
 * towards their own rate as evidence accumulates.
 */
public record Priors(double ctr, double cvr, double strength) {
    public Priors {
        if (!(ctr > 0 && ctr < 1) || !(cvr > 0 && cvr < 1) || !(strength > 0)) {
            throw new IllegalArgumentException("priors need 0 < ctr, cvr < 1 and strength > 0");
        }
    }

    public double smoothedCtr(long impressions, long clicks) {
        return (clicks + strength * ctr) / (Math.max(impressions, clicks) + strength);
    }

    public double smoothedCvr(long clicks, long conversions) {
        return (conversions + strength * cvr) / (Math.max(clicks, conversions) + strength);
    }

    public static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }
}
