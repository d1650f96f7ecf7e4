package dev.surf.ranking.quality;

import dev.surf.ranking.model.FeatureHasher;
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

/**
 * Quality check in Criteo format (label, I1..I13 integers, C1..C26 hex categoricals, tab-separated,
 * empty = missing). Compares, on the same time-ordered 80/20 split (file order):
 * <ul>
 *   <li>trainer: the production trainer ({@link HashedLogisticTrainer}, AdaGrad) over hashed features:
 *       26 categoricals, 13 integers discretised as floor(ln(v)^2), and hashed pairwise crosses of C1..C8</li>
 *   <li>factorization machine: the same trainer with k = 8 factors per id over the categoricals and
 *       discretised integers, without the hand-made crosses (it learns pairwise interactions itself)</li>
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
        evaluate("trainer (AdaGrad, discretised ints, crosses)", rows, trainN, true, true, 0);
        evaluate("trainer + FM k=4 (AdaGrad, discretised ints, no crosses)", rows, trainN, true, false, 4);
        evaluate("trainer + FM k=4 (AdaGrad, discretised ints, crosses)", rows, trainN, true, true, 4);
        evaluate("baseline LR (SGD, raw categoricals, dense ints)", rows, trainN, false, false, 0);
    }

    static void evaluate(String name, List<Row> rows, int trainN, boolean trainer, boolean crosses, int factors) {
        int slots = trainer ? 26 + 13 + (crosses ? 28 : 0) : 26;
        int dense = trainer ? 0 : 13;
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
            if (trainer) {
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
        int[] train = new int[trainN];
        for (int i = 0; i < trainN; i++) {
            train[i] = i;
        }
        var options = trainer ? new HashedLogisticTrainer.Options(factors > 0 ? 2 : 3, factors > 0 ? 0.02 : 0.05, factors > 0 ? 1e-4 : 1e-6, 42, true, factors)
                : new HashedLogisticTrainer.Options(3, 0.01, 1e-6, 42, false);
        long t0 = System.nanoTime();
        var w = new HashedLogisticTrainer(BUCKETS, slots, dense, options).train(ids, x, y, train);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int h = n - trainN;
        double[] p = new double[h];
        boolean[] yh = new boolean[h];
        for (int i = 0; i < h; i++) {
            int r = trainN + i;
            p[i] = 1 / (1 + Math.exp(-w.logit(ids, r * slots, slots, x, r * dense, dense)));
            yh[i] = y[r];
        }
        Metrics m = Metrics.of(p, yh);
        System.out.printf(Locale.ROOT, "%-50s AUC %.4f  log loss %.4f  calibration %.3f  (holdout CTR %.4f, trained in %d ms)%n",
                name, m.auc(), m.logLoss(), m.calibration(), m.positiveRate(), ms);
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
