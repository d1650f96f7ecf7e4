package dev.surf.ranking.training;

import java.util.Random;

/**
 * Logistic regression over hashed sparse ids plus dense features, one head, trained by SGD with
 * per-coordinate AdaGrad step sizes and L2, in a seeded shuffled order (same data + seed = same
 * weights). Rows are given as parallel arrays: {@code ids[r * slots + s]}, {@code x[r * dense + d]}.
 *
 * <p>With {@code factors = k > 0} it is a factorization machine (Rendle 2010): every hashed id also
 * has a k-vector v, and the logit adds the pairwise interactions of the row's ids,
 * sum over pairs s &lt; t of &lt;v_s, v_t&gt; = 0.5 * sum_f ((sum_s v_sf)^2 - sum_s v_sf^2).
 */
public final class HashedLogisticTrainer {
    /** Hyper-parameters; {@code adagrad=false} gives plain constant-step SGD (the quality baseline). */
    public record Options(int epochs, double learningRate, double l2, long seed, boolean adagrad, int factors) {
        public Options {
            if (factors < 0 || factors > 64) {
                throw new IllegalArgumentException("factors must be between 0 (logistic regression) and 64");
            }
        }

        public Options(int epochs, double learningRate, double l2, long seed, boolean adagrad) {
            this(epochs, learningRate, l2, seed, adagrad, 0);
        }

        public static Options defaults() {
            return new Options(4, 0.1, 1e-6, 42L, true);
        }
    }

    /** Learned weights of one head; {@code factors} is [buckets * k] (empty when k = 0). */
    public record Weights(double[] sparse, double[] dense, double bias, double[] factors, int k) {
        public double logit(long[] ids, int idOffset, int slots, float[] x, int xOffset, int denseCount) {
            double z = bias;
            for (int s = 0; s < slots; s++) {
                z += sparse[(int) ids[idOffset + s]];
            }
            for (int d = 0; d < denseCount; d++) {
                z += x[xOffset + d] * dense[d];
            }
            return z + pairwise(factors, k, ids, idOffset, slots, new double[k]);
        }
    }

    private final int buckets;
    private final int slots;
    private final int denseCount;
    private final Options options;

    public HashedLogisticTrainer(int buckets, int slots, int denseCount, Options options) {
        this.buckets = buckets;
        this.slots = slots;
        this.denseCount = denseCount;
        this.options = options;
    }

    /** Trains on rows {@code rows[i]} (indices into the arrays) with labels {@code y}. */
    public Weights train(long[] ids, float[] x, boolean[] y, int[] rows) {
        double[] w = new double[buckets];
        double[] v = new double[denseCount];
        double[] gw = new double[buckets];
        double[] gv = new double[denseCount];
        double b = TrainingRows.baseLogit(y, rows);
        double[] gb = new double[1];
        int k = options.factors();
        Random rnd = new Random(options.seed());
        // Small random factors break the symmetry between ids (all-zero factors never move).
        double[] f = new double[k == 0 ? 0 : buckets * k];
        for (int i = 0; i < f.length; i++) {
            f[i] = rnd.nextGaussian() * 0.01;
        }
        double[] gf = new double[f.length];
        double[] sums = new double[k];
        int[] order = rows.clone();
        double eta = options.learningRate();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            TrainingRows.shuffle(order, rnd);
            for (int r : order) {
                int io = r * slots;
                int xo = r * denseCount;
                double z = b;
                for (int s = 0; s < slots; s++) {
                    z += w[(int) ids[io + s]];
                }
                for (int d = 0; d < denseCount; d++) {
                    z += x[xo + d] * v[d];
                }
                z += pairwise(f, k, ids, io, slots, sums);
                double p = 1.0 / (1.0 + Math.exp(-z));
                double g = p - (y[r] ? 1 : 0);
                for (int s = 0; s < slots; s++) {
                    int id = (int) ids[io + s];
                    double grad = g + options.l2() * w[id];
                    w[id] -= step(gw, id, grad, eta) * grad;
                }
                for (int d = 0; d < denseCount; d++) {
                    double grad = g * x[xo + d] + options.l2() * v[d];
                    v[d] -= step(gv, d, grad, eta) * grad;
                }
                // d logit / d v_sf = sum_f - v_sf (the other ids' factors), from the sums before this step.
                for (int s = 0; s < slots; s++) {
                    int at = (int) ids[io + s] * k;
                    for (int q = 0; q < k; q++) {
                        double grad = g * (sums[q] - f[at + q]) + options.l2() * f[at + q];
                        f[at + q] -= step(gf, at + q, grad, eta) * grad;
                    }
                }
                b -= step(gb, 0, g, eta) * g;
            }
        }
        return new Weights(w, v, b, f, k);
    }

    private double step(double[] acc, int k, double grad, double eta) {
        if (!options.adagrad()) {
            return eta;
        }
        return AdaGrad.rate(acc, k, grad, eta);
    }

    /** The FM term 0.5 * sum_f ((sum_s v_sf)^2 - sum_s v_sf^2) of one row; leaves sum_s v_sf in {@code sums}. */
    static double pairwise(double[] factors, int k, long[] ids, int idOffset, int slots, double[] sums) {
        double z = 0;
        for (int f = 0; f < k; f++) {
            double sum = 0;
            double squares = 0;
            for (int s = 0; s < slots; s++) {
                double v = factors[(int) ids[idOffset + s] * k + f];
                sum += v;
                squares += v * v;
            }
            sums[f] = sum;
            z += 0.5 * (sum * sum - squares);
        }
        return z;
    }
}
