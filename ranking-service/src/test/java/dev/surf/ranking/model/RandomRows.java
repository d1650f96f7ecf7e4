package dev.surf.ranking.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.surf.ranking.scoring.ModelRunner;
import dev.surf.ranking.scoring.SessionFactory;
import java.util.Random;

/** Random rows in the contract layout (ids over all buckets, N(0, 1) dense), for exporter parity tests. */
record RandomRows(long[] ids, float[] x, int rows) {
    static RandomRows draw(Random rnd, int rows) {
        long[] ids = new long[rows * ModelContract.SPARSE_SLOTS];
        float[] x = new float[rows * ModelContract.DENSE_FEATURES];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rnd.nextInt(ModelContract.HASH_BUCKETS);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        return new RandomRows(ids, x, rows);
    }

    double own(TwoHeadModel model, int row, int head) {
        return model.predict(ids, row * ModelContract.SPARSE_SLOTS, x, row * ModelContract.DENSE_FEATURES, head);
    }

    /** Largest |ONNX Runtime score - the model's own score| over every row and both heads. */
    double maxDiff(SessionFactory sessions, OrtSession session, TwoHeadModel model) throws OrtException {
        float[][] out = ModelRunner.run(sessions.environment(), session, ids, x, rows);
        double max = 0;
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < TwoHeadModel.HEADS; h++) {
                max = Math.max(max, Math.abs(own(model, r, h) - out[h][r]));
            }
        }
        return max;
    }
}
