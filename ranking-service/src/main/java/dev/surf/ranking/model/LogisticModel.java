package dev.surf.ranking.model;

/**
 * Two logistic heads (CTR, CVR) over hashed sparse ids and dense features:
 * p_h = sigmoid(sum_s W[id_s, h] + sum_d dense_d * V[d, h] + b_h [+ FM term]). With {@code k > 0}
 * it is a factorization machine: each id has a k-vector per head and the logit adds
 * 0.5 * sum_f ((sum_s F[id_s, h, f])^2 - sum_s F[id_s, h, f]^2), the sum of all pairwise dot products.
 * Weights are float32, as in the exported ONNX graph, so the trainer's own scores and ONNX Runtime's
 * agree to float rounding.
 *
 * @param sparse  row-major [HASH_BUCKETS, 2]
 * @param dense   row-major [DENSE_FEATURES, 2]
 * @param bias    [2]
 * @param factors row-major [HASH_BUCKETS, 2, k] (empty when k = 0)
 * @param k       factor size; 0 = plain logistic regression
 */
public record LogisticModel(float[] sparse, float[] dense, float[] bias, float[] factors, int k) implements TwoHeadModel {
    public static final int HEADS = TwoHeadModel.HEADS;

    public LogisticModel {
        if (sparse.length != ModelContract.HASH_BUCKETS * HEADS || dense.length != ModelContract.DENSE_FEATURES * HEADS
                || bias.length != HEADS || k < 0 || factors.length != ModelContract.HASH_BUCKETS * HEADS * k) {
            throw new IllegalArgumentException("weight shapes do not match the model contract");
        }
    }

    public LogisticModel(float[] sparse, float[] dense, float[] bias) {
        this(sparse, dense, bias, new float[0], 0);
    }

    public static LogisticModel zeros() {
        return zeros(0);
    }

    public static LogisticModel zeros(int k) {
        return new LogisticModel(new float[ModelContract.HASH_BUCKETS * HEADS],
                new float[ModelContract.DENSE_FEATURES * HEADS], new float[HEADS],
                new float[ModelContract.HASH_BUCKETS * HEADS * k], k);
    }

    /**
     * The prior model for a fresh stack: pCTR = the creative's smoothed CTR and pCVR = the campaign's
     * smoothed CVR (the dense logits pass straight through), i.e. the global priors until data arrives.
     */
    public static LogisticModel prior() {
        LogisticModel m = zeros();
        m.dense[DenseSlot.CREATIVE_CTR_LOGIT.ordinal() * HEADS] = 1f;
        m.dense[DenseSlot.CAMPAIGN_CVR_LOGIT.ordinal() * HEADS + 1] = 1f;
        return m;
    }

    /** The raw (pre-sigmoid) score of head {@code h} for one row. */
    public double logit(long[] ids, int idOffset, float[] x, int xOffset, int h) {
        float z = 0f;
        for (int s = 0; s < ModelContract.SPARSE_SLOTS; s++) {
            z += sparse[(int) ids[idOffset + s] * HEADS + h];
        }
        float d = 0f;
        for (int j = 0; j < ModelContract.DENSE_FEATURES; j++) {
            d += x[xOffset + j] * dense[j * HEADS + h];
        }
        float pairs = 0f;
        for (int f = 0; f < k; f++) {
            float sum = 0f;
            float squares = 0f;
            for (int s = 0; s < ModelContract.SPARSE_SLOTS; s++) {
                float v = factors[((int) ids[idOffset + s] * HEADS + h) * k + f];
                sum += v;
                squares += v * v;
            }
            pairs += sum * sum - squares;
        }
        return (double) (z + d) + bias[h] + 0.5 * pairs;
    }

    @Override
    public double predict(long[] ids, int idOffset, float[] x, int xOffset, int h) {
        return TwoHeadModel.sigmoid(logit(ids, idOffset, x, xOffset, h));
    }

    @Override
    public String kind() {
        return k > 0 ? "factorization-machine" : "logistic";
    }
}
