package dev.surf.ranking.training;

import java.util.Arrays;
import java.util.Comparator;

/** Holdout metrics of one head: ROC AUC, log loss, calibration (mean prediction / observed rate). */
public record Metrics(int examples, double positiveRate, double auc, double logLoss, double calibration) {

    public static Metrics of(double[] p, boolean[] y) {
        int n = p.length;
        double sumP = 0;
        double loss = 0;
        int pos = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
            loss -= y[i] ? Math.log(q) : Math.log(1 - q);
            sumP += p[i];
            pos += y[i] ? 1 : 0;
        }
        double rate = n == 0 ? Double.NaN : (double) pos / n;
        return new Metrics(n, rate, auc(p, y, pos), n == 0 ? Double.NaN : loss / n,
                pos == 0 ? Double.NaN : (sumP / n) / rate);
    }

    /** Mann-Whitney AUC with average ranks for ties; NaN when one class is missing. */
    static double auc(double[] p, boolean[] y, int pos) {
        int n = p.length;
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[idx[j + 1]] == p[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[idx[k]]) {
                    rankSumPos += avgRank;
                }
            }
            i = j + 1;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
