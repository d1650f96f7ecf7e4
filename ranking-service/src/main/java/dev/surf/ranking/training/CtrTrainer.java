package dev.surf.ranking.training;

import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.ModelContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the two heads of a {@link LogisticModel} on time-ordered examples: the newest
 * {@code holdoutFraction} is the holdout, the rest trains. CTR learns from every impression, CVR
 * from clicked impressions only (it predicts conversion given a click).
 */
public final class CtrTrainer {
    /** The trained model, its holdout metrics and the holdout itself (for the ONNX parity check). */
    public record Result(LogisticModel model, Metrics ctr, Metrics cvr, int trainExamples, List<Example> holdout) {
        public Map<String, Double> metrics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("train_examples", (double) trainExamples);
            m.put("holdout_examples", (double) ctr.examples());
            put(m, "ctr_auc", ctr.auc());
            put(m, "ctr_log_loss", ctr.logLoss());
            put(m, "ctr_calibration", ctr.calibration());
            put(m, "ctr_holdout_rate", ctr.positiveRate());
            m.put("cvr_holdout_clicks", (double) cvr.examples());
            put(m, "cvr_auc", cvr.auc());
            put(m, "cvr_log_loss", cvr.logLoss());
            put(m, "cvr_calibration", cvr.calibration());
            return m;
        }

        private static void put(Map<String, Double> m, String k, double v) {
            if (Double.isFinite(v)) {
                m.put(k, v);
            }
        }
    }

    private final HashedLogisticTrainer.Options options;
    private final double holdoutFraction;

    public CtrTrainer(HashedLogisticTrainer.Options options, double holdoutFraction) {
        this.options = options;
        this.holdoutFraction = holdoutFraction;
    }

    /** {@code examples} must be in time order (as {@link ExampleBuilder} returns them). */
    public Result train(List<Example> examples) {
        int n = examples.size();
        int F = ModelContract.SPARSE_SLOTS;
        int D = ModelContract.DENSE_FEATURES;
        long[] ids = new long[n * F];
        float[] x = new float[n * D];
        boolean[] click = new boolean[n];
        boolean[] conv = new boolean[n];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            System.arraycopy(e.sparse(), 0, ids, i * F, F);
            System.arraycopy(e.dense(), 0, x, i * D, D);
            click[i] = e.clicked();
            conv[i] = e.converted();
        }
        int trainN = n - (int) Math.round(n * holdoutFraction);
        List<Integer> clickedRows = new ArrayList<>();
        int[] ctrRows = new int[trainN];
        for (int i = 0; i < trainN; i++) {
            ctrRows[i] = i;
            if (click[i]) {
                clickedRows.add(i);
            }
        }
        var trainer = new HashedLogisticTrainer(ModelContract.HASH_BUCKETS, F, D, options);
        var ctrHead = trainer.train(ids, x, click, ctrRows);
        var cvrHead = trainer.train(ids, x, conv, clickedRows.stream().mapToInt(Integer::intValue).toArray());

        int k = options.factors();
        LogisticModel model = LogisticModel.zeros(k);
        for (int b = 0; b < ModelContract.HASH_BUCKETS; b++) {
            model.sparse()[b * 2] = (float) ctrHead.sparse()[b];
            model.sparse()[b * 2 + 1] = (float) cvrHead.sparse()[b];
            for (int f = 0; f < k; f++) {
                model.factors()[(b * 2) * k + f] = (float) ctrHead.factors()[b * k + f];
                model.factors()[(b * 2 + 1) * k + f] = (float) cvrHead.factors()[b * k + f];
            }
        }
        for (int d = 0; d < D; d++) {
            model.dense()[d * 2] = (float) ctrHead.dense()[d];
            model.dense()[d * 2 + 1] = (float) cvrHead.dense()[d];
        }
        model.bias()[0] = (float) ctrHead.bias();
        model.bias()[1] = (float) cvrHead.bias();

        // Holdout metrics from the exported (float) weights: what ONNX Runtime will serve.
        int h = n - trainN;
        double[] pCtr = new double[h];
        boolean[] yCtr = new boolean[h];
        List<Double> pCvr = new ArrayList<>();
        List<Boolean> yCvr = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            int r = trainN + i;
            pCtr[i] = model.predict(ids, r * F, x, r * D, 0);
            yCtr[i] = click[r];
            if (click[r]) {
                pCvr.add(model.predict(ids, r * F, x, r * D, 1));
                yCvr.add(conv[r]);
            }
        }
        double[] pc = pCvr.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] yc = new boolean[yCvr.size()];
        for (int i = 0; i < yc.length; i++) {
            yc[i] = yCvr.get(i);
        }
        return new Result(model, Metrics.of(pCtr, yCtr), Metrics.of(pc, yc), trainN, examples.subList(trainN, n));
    }
}
