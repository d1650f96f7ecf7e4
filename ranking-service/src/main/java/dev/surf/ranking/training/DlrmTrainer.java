package dev.surf.ranking.training;

import dev.surf.ranking.model.DenseLayer;
import dev.surf.ranking.model.DlrmNetwork;
import dev.surf.ranking.model.TwoHeadModel;
import java.util.Arrays;
import java.util.Random;

/**
 * Trains one {@link DlrmNetwork} head on log loss by hand-written backprop, rows in a seeded shuffled
 * order (same data + seed = same weights). The MLPs take an AdaGrad step on the mean gradient of
 * every {@code batchSize} rows; embedding rows are sparse: each row's touched embeddings take their
 * AdaGrad step (with L2) at once, untouched rows cost nothing. Initialisation from the seed: He for
 * the ReLU layers, Xavier for the linear ones, N(0, 0.01^2) embeddings (small, so ids never seen in
 * training add little), and the output bias at the training rows' base rate.
 */
public final class DlrmTrainer {
    private static final double EMBEDDING_INIT_STD = 0.01;

    /** Hyper-parameters of the network and of its SGD. */
    public record Options(int epochs, double learningRate, double l2, long seed, int embeddingDim, int bottomHidden,
                          int topHidden, int batchSize) {
        public Options {
            if (epochs < 1 || !(learningRate > 0) || l2 < 0 || embeddingDim < 1 || embeddingDim > 64 || bottomHidden < 1
                    || topHidden < 1 || batchSize < 1) {
                throw new IllegalArgumentException("DLRM options out of range: " + this);
            }
        }

        /** One epoch: on the synthetic Criteo check a second epoch already overfits (picked on a validation split). */
        public static Options defaults() {
            return new Options(1, 0.05, 1e-6, 42L, 8, 16, 32, 16);
        }

        public Options withEpochs(int count) {
            return new Options(count, learningRate, l2, seed, embeddingDim, bottomHidden, topHidden, batchSize);
        }
    }

    private final int buckets;
    private final int slots;
    private final int denseCount;
    private final Options options;

    public DlrmTrainer(int buckets, int slots, int denseCount, Options options) {
        this.buckets = buckets;
        this.slots = slots;
        this.denseCount = denseCount;
        this.options = options;
    }

    /** Trains on rows {@code rows[i]} of {@code ids[r * slots + s]}, {@code x[r * dense + d]} with labels {@code y}. */
    public DlrmNetwork train(long[] ids, float[] x, boolean[] y, int[] rows) {
        Random rnd = new Random(options.seed());
        DlrmNetwork net = initialise(rnd, TrainingRows.baseLogit(y, rows));
        int dim = net.dim();
        var bottomHidden = new LayerGradients(net.bottomHidden());
        var bottomOut = new LayerGradients(net.bottomOut());
        var topHidden = new LayerGradients(net.topHidden());
        var topOut = new LayerGradients(net.topOut());
        LayerGradients[] layers = {bottomHidden, bottomOut, topHidden, topOut};
        double[] embeddingAcc = new double[net.embeddings().length];

        var a = new DlrmNetwork.Activations(net);
        float[] dLogit = new float[1];
        float[] dTopHidden = new float[a.topHidden.length];
        float[] dTopInput = new float[a.topInput.length];
        float[] dVectors = new float[a.vectors.length];
        float[] dBottomHidden = new float[a.bottomHidden.length];
        int[] order = rows.clone();
        int pending = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            TrainingRows.shuffle(order, rnd);
            for (int r : order) {
                int io = r * slots;
                int xo = r * denseCount;
                float z = net.logit(ids, io, x, xo, a);
                dLogit[0] = (float) (TwoHeadModel.sigmoid(z) - (y[r] ? 1 : 0));

                topOut.backward(a.topHidden, 0, dLogit, dTopHidden);
                reluBackward(dTopHidden, a.topHidden);
                topHidden.backward(a.topInput, 0, dTopHidden, dTopInput);
                interactionsBackward(dTopInput, a.vectors, dim, dVectors);
                bottomOut.backward(a.bottomHidden, 0, dVectors, dBottomHidden);
                reluBackward(dBottomHidden, a.bottomHidden);
                bottomHidden.backward(x, xo, dBottomHidden, null);
                updateEmbeddings(net, ids, io, dVectors, embeddingAcc);

                if (++pending == options.batchSize()) {
                    step(layers, pending);
                    pending = 0;
                }
            }
        }
        if (pending > 0) {
            step(layers, pending);
        }
        return net;
    }

    private DlrmNetwork initialise(Random rnd, double baseLogit) {
        int dim = options.embeddingDim();
        float[] embeddings = new float[buckets * dim];
        for (int i = 0; i < embeddings.length; i++) {
            embeddings[i] = (float) (rnd.nextGaussian() * EMBEDDING_INIT_STD);
        }
        int topInputs = dim + DlrmNetwork.pairs(slots + 1);
        DenseLayer bottomHidden = gaussian(denseCount, options.bottomHidden(), Math.sqrt(2.0 / denseCount), rnd);
        DenseLayer bottomOut = gaussian(options.bottomHidden(), dim, Math.sqrt(2.0 / (options.bottomHidden() + dim)), rnd);
        DenseLayer topHidden = gaussian(topInputs, options.topHidden(), Math.sqrt(2.0 / topInputs), rnd);
        DenseLayer topOut = gaussian(options.topHidden(), 1, Math.sqrt(2.0 / (options.topHidden() + 1)), rnd);
        topOut.bias()[0] = (float) baseLogit;
        return new DlrmNetwork(slots, dim, embeddings, bottomHidden, bottomOut, topHidden, topOut);
    }

    private static DenseLayer gaussian(int in, int out, double std, Random rnd) {
        DenseLayer layer = DenseLayer.zeros(in, out);
        for (int i = 0; i < layer.weights().length; i++) {
            layer.weights()[i] = (float) (rnd.nextGaussian() * std);
        }
        return layer;
    }

    /** ReLU passes the gradient only where its output was positive. */
    private static void reluBackward(float[] grad, float[] activated) {
        for (int j = 0; j < grad.length; j++) {
            if (activated[j] <= 0f) {
                grad[j] = 0f;
            }
        }
    }

    /**
     * From d loss / d top input (the bottom vector, then the dots) to d loss / d vectors: the bottom
     * vector's own part plus, for each dot &lt;v_i, v_j&gt;, its gradient times the other vector.
     */
    private static void interactionsBackward(float[] dTopInput, float[] vectors, int dim, float[] dVectors) {
        System.arraycopy(dTopInput, 0, dVectors, 0, dim);
        Arrays.fill(dVectors, dim, dVectors.length, 0f);
        int n = vectors.length / dim;
        int k = dim;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float c = dTopInput[k++];
                for (int f = 0; f < dim; f++) {
                    dVectors[i * dim + f] += c * vectors[j * dim + f];
                    dVectors[j * dim + f] += c * vectors[i * dim + f];
                }
            }
        }
    }

    /** Sparse AdaGrad on the embedding rows this example touched (vectors 1..slots). */
    private void updateEmbeddings(DlrmNetwork net, long[] ids, int io, float[] dVectors, double[] acc) {
        int dim = net.dim();
        float[] e = net.embeddings();
        for (int s = 0; s < slots; s++) {
            int row = (int) ids[io + s] * dim;
            for (int f = 0; f < dim; f++) {
                double grad = dVectors[(s + 1) * dim + f] + options.l2() * e[row + f];
                e[row + f] -= (float) (AdaGrad.rate(acc, row + f, grad, options.learningRate()) * grad);
            }
        }
    }

    private void step(LayerGradients[] layers, int rows) {
        for (LayerGradients layer : layers) {
            layer.step(rows, options.learningRate(), options.l2());
        }
    }
}
