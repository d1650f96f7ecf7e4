package dev.surf.ad.experiment.stats;

/**
 * Always-valid p-values from the mixture sequential probability ratio test with a normal mixing
 * distribution (Johari, Koomen, Pekelis, Walsh, "Peeking at A/B Tests", KDD 2017; Robbins 1970).
 *
 * <p>For an estimate d of the difference with variance s^2 (here s^2 = Var(d), the squared
 * standard error, which replaces sigma^2/n of the one-stream formula) and the mixing
 * distribution H = N(0, tau^2) over the true difference, the mixture likelihood ratio against
 * H0: difference = 0 is
 * <pre>  Lambda = sqrt(s^2 / (s^2 + tau^2)) * exp(tau^2 d^2 / (2 s^2 (s^2 + tau^2)))</pre>
 * and p = min(1, 1 / Lambda). Lambda is a martingale under H0, so by Ville's inequality
 * P(sup_n Lambda_n >= 1/alpha) <= alpha: the p-value may be read at any time, as often as one
 * likes. tau is the scale of effects one expects; Surf documents it as a fraction of the control
 * mean ({@code surf.experiment.msprt.tau-relative}), so one setting serves every metric.
 */
public final class Msprt {
    private Msprt() {
    }

    /** log Lambda, computed in log space so large statistics do not overflow. */
    public static double logLikelihoodRatio(double difference, double variance, double tau) {
        if (!(variance > 0) || !(tau > 0)) {
            throw new IllegalArgumentException("variance and tau must be > 0");
        }
        double tau2 = tau * tau;
        return 0.5 * Math.log(variance / (variance + tau2))
                + tau2 * difference * difference / (2 * variance * (variance + tau2));
    }

    /** Always-valid p-value at this look. Keeping the running minimum over looks is also valid. */
    public static double pValue(double difference, double variance, double tau) {
        return Math.min(1.0, Math.exp(-logLikelihoodRatio(difference, variance, tau)));
    }
}
