package dev.surf.ranking.quality;

import dev.surf.ranking.model.DlrmNetwork;
import dev.surf.ranking.model.FeatureHasher;
import dev.surf.ranking.training.DlrmTrainer;
import dev.surf.ranking.training.HashedLogisticTrainer;
import dev.surf.ranking.training.Metrics;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Quality check in Criteo format (label, I1..I13 integers, C1..C26 hex categoricals, tab-separated,
 * empty = missing). Compares, on the same time-ordered 80/20 split (file order):
 * <ul>
 *   <li>trainer: the production trainer ({@link HashedLogisticTrainer}, AdaGrad) over hashed features:
 *       26 categoricals, 13 integers discretised as floor(ln(v)^2), and hashed pairwise crosses of C1..C8</li>
 *   <li>factorization machine: the same trainer with k = 4 factors per id over the categoricals and
 *       discretised integers, without the hand-made crosses (it learns pairwise interactions itself)</li>
 *   <li>DLRM: the production {@link DlrmTrainer} (default shape and step size; 3 epochs, and the epoch count
 *       picked on a validation split of the training rows) with the 26 categoricals as embeddings and the 13
 *       integers as dense ln(1+v) features through the bottom MLP</li>
 *   <li>baseline: plain logistic regression (constant-step SGD) over the 26 hashed categoricals with the
 *       13 integers as dense ln(1+v) features</li>
 * </ul>
 * Usage: {@code CriteoEval <file.tsv>} or {@code CriteoEval --synthetic N <out.tsv>} to first write N rows
 * drawn from a known generative model (no public sample is reachable from this build machine).
 */
public final class CriteoEval {
    static final int BUCKETS = 1 << 20;

    record Row(boolean label, long[] ints, String[] cats) {
    }

    public static void main(String[] args) throws IOException {
        Path file;
        if (args.length >= 3 && args[0].equals("--synthetic")) {
            file = Path.of(args[2]);
            double oracle = writeSynthetic(Integer.parseInt(args[1]), file, 2026);
            System.out.printf(Locale.ROOT, "synthetic data: %s rows -> %s; oracle (true model) holdout AUC %.4f%n", args[1], file, oracle);
        } else if (args.length == 1) {
            file = Path.of(args[0]);
        } else {
            System.err.println("usage: CriteoEval <criteo.tsv> | --synthetic N <out.tsv>");
            return;
        }
        List<Row> rows = read(file);
        int trainN = (int) (rows.size() * 0.8);
        System.out.printf(Locale.ROOT, "rows %d, train %d, holdout %d (time-ordered split)%n", rows.size(), trainN, rows.size() - trainN);
        Encoded crossed = encode(rows, true, true);
        Encoded plain = encode(rows, false, false);
        var fm = new HashedLogisticTrainer.Options(2, 0.02, 1e-4, 42, true, 4);
        evaluateLinear("trainer (AdaGrad, discretised ints, crosses)", crossed, trainN, new HashedLogisticTrainer.Options(3, 0.05, 1e-6, 42, true));
        evaluateLinear("trainer + FM k=4 (AdaGrad, discretised ints, no crosses)", encode(rows, true, false), trainN, fm);
        evaluateLinear("trainer + FM k=4 (AdaGrad, discretised ints, crosses)", crossed, trainN, fm);
        // DLRM: d 8, MLPs 16 / 32, batch 16, AdaGrad 0.05. The first look at this holdout was with 3 epochs;
        // the epoch count is then picked on a validation split of the training rows (it chose 1, now the default).
        DlrmTrainer.Options dlrm = DlrmTrainer.Options.defaults();
        evaluateDlrm("trainer DLRM d=8, 3 epochs (categoricals, dense ints)", plain, trainN, rows.size(), dlrm.withEpochs(3));
        evaluateDlrm("trainer DLRM d=8, epochs picked on validation", plain, trainN, rows.size(), pickDlrmEpochs(plain, trainN, dlrm));
        evaluateLinear("baseline LR (SGD, raw categoricals, dense ints)", plain, trainN, new HashedLogisticTrainer.Options(3, 0.01, 1e-6, 42, false));
    }

    /** Rows encoded for one model: {@code ids[r * slots + s]}, {@code x[r * dense + d]}, labels. */
    record Encoded(long[] ids, float[] x, boolean[] y, int slots, int dense) {
    }

    /** A trained model's logit for row r of the encoded rows. */
    interface Scorer {
        double logit(int r);
    }

    /**
     * discretised: 26 categoricals + 13 integers as floor(ln(v)^2) buckets, all hashed (the trainer's
     * features), plus hashed C1..C8 pairwise crosses when {@code crosses}; otherwise 26 hashed
     * categoricals and the 13 integers as dense ln(1+v) (the baseline's and the DLRM's features).
     */
    static Encoded encode(List<Row> rows, boolean discretised, boolean crosses) {
        int slots = discretised ? 26 + 13 + (crosses ? 28 : 0) : 26;
        int dense = discretised ? 0 : 13;
        int n = rows.size();
        long[] ids = new long[n * slots];
        float[] x = new float[Math.max(1, n * dense)];
        boolean[] y = new boolean[n];
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r);
            y[r] = row.label();
            int o = r * slots;
            for (int c = 0; c < 26; c++) {
                ids[o + c] = hash("C" + c, row.cats()[c]);
            }
            if (discretised) {
                for (int i = 0; i < 13; i++) {
                    long v = row.ints()[i];
                    String bucket = v < 0 ? "missing" : v <= 2 ? Long.toString(v) : Long.toString((long) Math.floor(Math.pow(Math.log(v), 2)));
                    ids[o + 26 + i] = hash("I" + i, bucket);
                }
                int k = 39;
                for (int a = 0; a < (crosses ? 8 : 0); a++) {
                    for (int b = a + 1; b < 8; b++) {
                        ids[o + k++] = hash("X" + a + "_" + b, row.cats()[a] + "|" + row.cats()[b]);
                    }
                }
            } else {
                for (int i = 0; i < 13; i++) {
                    long v = row.ints()[i];
                    x[r * dense + i] = (float) (v < 0 ? 0 : Math.log1p(v));
                }
            }
        }
        return new Encoded(ids, x, y, slots, dense);
    }

    /** Logistic regression / FM ({@link HashedLogisticTrainer}) on the encoded rows. */
    static void evaluateLinear(String name, Encoded e, int trainN, HashedLogisticTrainer.Options options) {
        evaluate(name, e, trainN, e.y().length, train -> {
            var w = new HashedLogisticTrainer(BUCKETS, e.slots(), e.dense(), options).train(e.ids(), e.x(), e.y(), train);
            return r -> w.logit(e.ids(), r * e.slots(), e.slots(), e.x(), r * e.dense(), e.dense());
        });
    }

    /** One DLRM head ({@link DlrmTrainer}): categoricals as embeddings, integers through the bottom MLP. */
    static Metrics evaluateDlrm(String name, Encoded e, int trainN, int end, DlrmTrainer.Options options) {
        return evaluate(name, e, trainN, end, train -> {
            DlrmNetwork net = new DlrmTrainer(BUCKETS, e.slots(), e.dense(), options).train(e.ids(), e.x(), e.y(), train);
            var a = new DlrmNetwork.Activations(net);
            return r -> net.logit(e.ids(), r * e.slots(), e.x(), r * e.dense(), a);
        });
    }

    /**
     * The DLRM's epochs (1..3) chosen without the holdout: train on the first 80 % of the training rows,
     * keep the count with the lowest log loss on the remaining 20 % of them.
     */
    static DlrmTrainer.Options pickDlrmEpochs(Encoded e, int trainN, DlrmTrainer.Options options) {
        int fitN = (int) (trainN * 0.8);
        DlrmTrainer.Options best = options;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int epochs = 1; epochs <= 3; epochs++) {
            var o = options.withEpochs(epochs);
            double loss = evaluateDlrm("  validation: DLRM " + epochs + " epoch(s)", e, fitN, trainN, o).logLoss();
            if (loss < bestLoss) {
                bestLoss = loss;
                best = o;
            }
        }
        System.out.println("  picked " + best.epochs() + " epoch(s)");
        return best;
    }

    /** Trains on rows [0, trainN), scores rows [trainN, end) and prints their metrics. */
    static Metrics evaluate(String name, Encoded e, int trainN, int end, Function<int[], Scorer> trainer) {
        long t0 = System.nanoTime();
        Scorer model = trainer.apply(IntStream.range(0, trainN).toArray());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int h = end - trainN;
        double[] p = new double[h];
        boolean[] yh = new boolean[h];
        for (int i = 0; i < h; i++) {
            p[i] = 1 / (1 + Math.exp(-model.logit(trainN + i)));
            yh[i] = e.y()[trainN + i];
        }
        Metrics m = Metrics.of(p, yh);
        System.out.printf(Locale.ROOT, "%-50s AUC %.4f  log loss %.4f  calibration %.3f  (holdout CTR %.4f, trained in %d ms)%n",
                name, m.auc(), m.logLoss(), m.calibration(), m.positiveRate(), ms);
        return m;
    }

    static long hash(String field, String value) {
        return FeatureHasher.id(field, value) % BUCKETS;
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length != 40) {
                    throw new IOException("not Criteo format (40 tab-separated fields): line " + (rows.size() + 1));
                }
                long[] ints = new long[13];
                for (int i = 0; i < 13; i++) {
                    ints[i] = f[1 + i].isEmpty() ? -1 : Long.parseLong(f[1 + i]);
                }
                String[] cats = new String[26];
                System.arraycopy(f, 14, cats, 0, 26);
                rows.add(new Row(f[0].equals("1"), ints, cats));
            }
        }
        return rows;
    }

    /**
     * Known generative model: logit = -3.2 + per-value effects of C1..C10 (Zipf-distributed values,
     * Gaussian effects) + an interaction of C1 x C2 + 0.3 ln(1+I1) - 0.2 ln(1+I2); C11..C26 are noise.
     * Returns the holdout AUC of the true probabilities (the ceiling any model can reach).
     */
    static double writeSynthetic(int n, Path file, long seed) throws IOException {
        Random rnd = new Random(seed);
        int[] card = {50, 200, 1000, 30, 500, 10, 5000, 100, 20, 2000};
        double[][] effect = new double[10][];
        for (int c = 0; c < 10; c++) {
            effect[c] = new double[card[c]];
            for (int v = 0; v < card[c]; v++) {
                effect[c][v] = rnd.nextGaussian() * (c < 3 ? 0.6 : 0.3);
            }
        }
        double[][] inter = new double[card[0]][card[1]];
        for (double[] row : inter) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextDouble() < 0.05 ? rnd.nextGaussian() * 1.5 : 0;
            }
        }
        int trainN = (int) (n * 0.8);
        double[] pHold = new double[n - trainN];
        boolean[] yHold = new boolean[n - trainN];
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < n; r++) {
                int[] v = new int[26];
                double z = -3.2;
                for (int c = 0; c < 26; c++) {
                    int k = c < 10 ? card[c] : 100 + c * 37;
                    v[c] = zipf(rnd, k);
                    if (c < 10) {
                        z += effect[c][v[c]];
                    }
                }
                z += inter[v[0]][v[1]];
                long[] ints = new long[13];
                for (int i = 0; i < 13; i++) {
                    ints[i] = rnd.nextDouble() < 0.1 ? -1 : (long) Math.floor(Math.exp(rnd.nextGaussian() * 1.5 + 1));
                }
                z += 0.3 * Math.log1p(Math.max(0, ints[0])) - 0.2 * Math.log1p(Math.max(0, ints[1]));
                double p = 1 / (1 + Math.exp(-z));
                boolean label = rnd.nextDouble() < p;
                if (r >= trainN) {
                    pHold[r - trainN] = p;
                    yHold[r - trainN] = label;
                }
                sb.setLength(0);
                sb.append(label ? '1' : '0');
                for (long i : ints) {
                    sb.append('\t');
                    if (i >= 0) {
                        sb.append(i);
                    }
                }
                for (int c = 0; c < 26; c++) {
                    sb.append('\t').append(String.format(Locale.ROOT, "%08x", (c * 1_000_003 + v[c] * 7919) & 0xffffffffL));
                }
                out.write(sb.append('\n').toString());
            }
        }
        return Metrics.of(pHold, yHold).auc();
    }

    private static int zipf(Random rnd, int k) {
        // inverse-CDF of a power law with exponent ~1.1 over 0..k-1
        double u = rnd.nextDouble();
        return (int) Math.min(k - 1, Math.floor(Math.pow(k + 1, u) - 1));
    }
}
