package dev.surf.ranking.training;

/**
 * Per-coordinate AdaGrad step sizes (Duchi et al. 2011): coordinate i moves by
 * eta / sqrt(sum of its squared gradients so far) times its gradient, so rare hashed ids and
 * rarely active units keep large steps while frequent ones settle.
 */
final class AdaGrad {
    private static final double EPSILON = 1e-8;

    private AdaGrad() {
    }

    /** Adds {@code grad}^2 to {@code acc[i]} and returns coordinate i's step size. */
    static double rate(double[] acc, int i, double grad, double eta) {
        acc[i] += grad * grad;
        return eta / Math.sqrt(acc[i] + EPSILON);
    }
}
