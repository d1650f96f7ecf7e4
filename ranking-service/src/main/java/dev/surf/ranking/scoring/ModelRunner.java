package dev.surf.ranking.scoring;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.surf.ranking.model.ModelContract;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/** One session.run on a batch laid out per {@link ModelContract}; checks the outputs' size and range. */
public final class ModelRunner {
    private ModelRunner() {
    }

    /** Scores for {@code rows} rows from Java arrays (ONNX Runtime copies them into direct memory first). */
    public static float[][] run(OrtEnvironment env, OrtSession session, long[] sparse, float[] dense, int rows) throws OrtException {
        return run(env, session, LongBuffer.wrap(sparse, 0, rows * ModelContract.SPARSE_SLOTS),
                FloatBuffer.wrap(dense, 0, rows * ModelContract.DENSE_FEATURES), rows);
    }

    /** Scores for the valid rows of {@code encoded}, read in place. */
    public static float[][] run(OrtEnvironment env, OrtSession session, EncodedRows encoded) throws OrtException {
        return run(env, session, encoded.sparseRows(), encoded.denseRows(), encoded.rows());
    }

    /** [0] = p_ctr, [1] = p_cvr. */
    private static float[][] run(OrtEnvironment env, OrtSession session, LongBuffer sparse, FloatBuffer dense, int rows) throws OrtException {
        try (OnnxTensor ids = OnnxTensor.createTensor(env, sparse, new long[] {rows, ModelContract.SPARSE_SLOTS});
             OnnxTensor x = OnnxTensor.createTensor(env, dense, new long[] {rows, ModelContract.DENSE_FEATURES});
             OrtSession.Result result = session.run(Map.of(ModelContract.INPUT_SPARSE, ids, ModelContract.INPUT_DENSE, x))) {
            float[] ctr = read(result, ModelContract.OUTPUT_CTR, rows);
            float[] cvr = read(result, ModelContract.OUTPUT_CVR, rows);
            return new float[][] {ctr, cvr};
        }
    }

    private static float[] read(OrtSession.Result result, String name, int rows) throws OrtException {
        var value = result.get(name).orElseThrow(() -> new ModelOutputException("model has no output " + name));
        if (!(value instanceof OnnxTensor t)) {
            throw new ModelOutputException("output " + name + " is not a tensor");
        }
        FloatBuffer buf = t.getFloatBuffer();
        if (buf == null || buf.remaining() != rows) {
            throw new ModelOutputException("output " + name + " has " + (buf == null ? "no float" : buf.remaining())
                    + " values for " + rows + " rows");
        }
        float[] out = new float[rows];
        buf.get(out);
        for (float p : out) {
            if (!(p >= 0f && p <= 1f)) {
                throw new ModelOutputException("output " + name + " has a value outside [0, 1]: " + p);
            }
        }
        return out;
    }

    /** The model broke its output contract (wrong shape, NaN, out of range). */
    public static final class ModelOutputException extends RuntimeException {
        public ModelOutputException(String message) {
            super(message);
        }
    }
}
