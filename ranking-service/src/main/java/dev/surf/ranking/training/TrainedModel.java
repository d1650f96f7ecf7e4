package dev.surf.ranking.training;

import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.TwoHeadModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trained model, its holdout metrics and the holdout itself (for the ONNX parity check). */
public record TrainedModel<M extends TwoHeadModel>(M model, Metrics ctr, Metrics cvr, int trainExamples, List<Example> holdout) {

    /**
     * Holdout metrics of both heads from the model's own float32 scores (what ONNX Runtime will serve):
     * CTR over every holdout impression, CVR over the clicked ones.
     */
    public static <M extends TwoHeadModel> TrainedModel<M> evaluate(M model, TrainingSplit split) {
        int slots = ModelContract.SPARSE_SLOTS;
        int dense = ModelContract.DENSE_FEATURES;
        int h = split.rows() - split.trainN();
        double[] pCtr = new double[h];
        boolean[] yCtr = new boolean[h];
        List<Double> pCvr = new ArrayList<>();
        List<Boolean> yCvr = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            int r = split.trainN() + i;
            pCtr[i] = model.predict(split.ids(), r * slots, split.x(), r * dense, TwoHeadModel.CTR);
            yCtr[i] = split.click()[r];
            if (split.click()[r]) {
                pCvr.add(model.predict(split.ids(), r * slots, split.x(), r * dense, TwoHeadModel.CVR));
                yCvr.add(split.conv()[r]);
            }
        }
        double[] pc = pCvr.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] yc = new boolean[yCvr.size()];
        for (int i = 0; i < yc.length; i++) {
            yc[i] = yCvr.get(i);
        }
        return new TrainedModel<>(model, Metrics.of(pCtr, yCtr), Metrics.of(pc, yc), split.trainN(), split.holdout());
    }

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
