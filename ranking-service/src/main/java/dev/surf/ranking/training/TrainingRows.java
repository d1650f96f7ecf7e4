package dev.surf.ranking.training;

import java.util.Random;

/** What every SGD trainer here does with its training rows: start from their base rate, visit them shuffled. */
final class TrainingRows {
    private TrainingRows() {
    }

    /** logit of the (smoothed) positive rate over {@code rows}: the bias a model starts from. */
    static double baseLogit(boolean[] y, int[] rows) {
        double positives = 0;
        for (int r : rows) {
            positives += y[r] ? 1 : 0;
        }
        double base = (positives + 0.5) / (rows.length + 1.0);
        return Math.log(base / (1 - base));
    }

    /** Fisher-Yates shuffle in place; deterministic for a seeded {@code rnd}. */
    static void shuffle(int[] order, Random rnd) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
