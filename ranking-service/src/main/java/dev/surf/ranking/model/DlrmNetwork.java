package dev.surf.ranking.model;

/**
 * One head of a small DLRM (Naumov et al. 2019) over hashed ids and dense features, float32:
 * <ul>
 *   <li>v_0 = bottomOut(relu(bottomHidden(dense))), a {@code dim}-vector (the bottom output is linear,
 *       so it can take any sign and does not die at zero);</li>
 *   <li>v_1..v_S = rows {@code id_s} of one shared embedding table [buckets, dim], one per slot;</li>
 *   <li>the top input is v_0 followed by the dot products &lt;v_i, v_j&gt; for i &lt; j, in row-major
 *       upper-triangle order (S = 16 slots: 17 vectors, 136 dots);</li>
 *   <li>logit = topOut(relu(topHidden(top input))), one value.</li>
 * </ul>
 * {@link #logit} is the only forward pass: training, holdout metrics and the parity check all use it.
 */
public record DlrmNetwork(int slots, int dim, float[] embeddings, DenseLayer bottomHidden, DenseLayer bottomOut,
                          DenseLayer topHidden, DenseLayer topOut) {
    public DlrmNetwork {
        if (slots <= 0 || dim <= 0 || embeddings.length == 0 || embeddings.length % dim != 0
                || bottomHidden.out() != bottomOut.in() || bottomOut.out() != dim
                || topHidden.in() != dim + pairs(slots + 1) || topHidden.out() != topOut.in() || topOut.out() != 1) {
            throw new IllegalArgumentException("DLRM layer shapes do not fit together");
        }
    }

    /** Dot products between {@code vectors} vectors, each pair once. */
    public static int pairs(int vectors) {
        return vectors * (vectors - 1) / 2;
    }

    public int buckets() {
        return embeddings.length / dim;
    }

    public int denseInputs() {
        return bottomHidden.in();
    }

    /** Intermediate values of one row's forward pass (reused across rows; backprop reads them). */
    public static final class Activations {
        public final float[] bottomHidden;
        /** [slots + 1, dim]: the bottom output, then the slots' embedding rows. */
        public final float[] vectors;
        /** [dim + pairs]: the bottom output, then the dot products. */
        public final float[] topInput;
        public final float[] topHidden;
        final float[] logit = new float[1];

        public Activations(DlrmNetwork n) {
            bottomHidden = new float[n.bottomHidden.out()];
            vectors = new float[(n.slots + 1) * n.dim];
            topInput = new float[n.topHidden.in()];
            topHidden = new float[n.topHidden.out()];
        }
    }

    /** The logit of the row at {@code ids[idOffset..]}, {@code x[xOffset..]}; fills {@code a}. */
    public float logit(long[] ids, int idOffset, float[] x, int xOffset, Activations a) {
        bottomHidden.forward(x, xOffset, a.bottomHidden, 0, true);
        bottomOut.forward(a.bottomHidden, 0, a.vectors, 0, false);
        for (int s = 0; s < slots; s++) {
            System.arraycopy(embeddings, (int) ids[idOffset + s] * dim, a.vectors, (s + 1) * dim, dim);
        }
        System.arraycopy(a.vectors, 0, a.topInput, 0, dim);
        int k = dim;
        int n = slots + 1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float dot = 0f;
                for (int f = 0; f < dim; f++) {
                    dot += a.vectors[i * dim + f] * a.vectors[j * dim + f];
                }
                a.topInput[k++] = dot;
            }
        }
        topHidden.forward(a.topInput, 0, a.topHidden, 0, true);
        topOut.forward(a.topHidden, 0, a.logit, 0, false);
        return a.logit[0];
    }
}
