package dev.surf.ranking.registry;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.scoring.ModelRunner;
import dev.surf.ranking.scoring.SessionFactory;
import java.util.Map;

/**
 * Checks an ONNX file against {@link ModelContract} before it is stored: it must load in ONNX
 * Runtime, declare the contract's inputs and outputs with the right types and shapes, and score a
 * smoke batch with probabilities in [0, 1].
 */
public final class ModelValidator {
    private final SessionFactory sessions;
    private final int maxBytes;

    public ModelValidator(SessionFactory sessions, int maxBytes) {
        this.sessions = sessions;
        this.maxBytes = maxBytes;
    }

    public void validate(byte[] onnx) {
        if (onnx == null || onnx.length == 0) {
            throw new InvalidModelException("the request body is empty: upload the ONNX file's bytes");
        }
        if (onnx.length > maxBytes) {
            throw new InvalidModelException("the model is " + onnx.length + " bytes, more than the limit of " + maxBytes);
        }
        OrtSession session;
        try {
            session = sessions.create(onnx);
        } catch (OrtException | RuntimeException e) {
            throw new InvalidModelException("not a loadable ONNX model: " + e.getMessage());
        }
        try (session) {
            checkInputs(session.getInputInfo());
            checkOutputs(session.getOutputInfo());
            smokeTest(session);
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime could not inspect or run the model: " + e.getMessage());
        }
    }

    private static void checkInputs(Map<String, NodeInfo> inputs) {
        if (inputs.size() != 2) {
            throw new InvalidModelException("expected exactly 2 inputs (" + ModelContract.INPUT_SPARSE + ", " + ModelContract.INPUT_DENSE
                    + "), found " + inputs.keySet());
        }
        tensor(inputs, ModelContract.INPUT_SPARSE, "input", OnnxJavaType.INT64, ModelContract.SPARSE_SLOTS);
        tensor(inputs, ModelContract.INPUT_DENSE, "input", OnnxJavaType.FLOAT, ModelContract.DENSE_FEATURES);
    }

    private static void checkOutputs(Map<String, NodeInfo> outputs) {
        tensor(outputs, ModelContract.OUTPUT_CTR, "output", OnnxJavaType.FLOAT, 0);
        tensor(outputs, ModelContract.OUTPUT_CVR, "output", OnnxJavaType.FLOAT, 0);
    }

    /** width > 0: a [batch, width] matrix; width == 0: a [batch] vector. */
    private static void tensor(Map<String, NodeInfo> nodes, String name, String kind, OnnxJavaType type, int width) {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            throw new InvalidModelException("missing " + kind + " '" + name + "'; the model has " + nodes.keySet());
        }
        if (!(node.getInfo() instanceof TensorInfo t)) {
            throw new InvalidModelException(kind + " '" + name + "' must be a tensor");
        }
        if (t.type != type) {
            throw new InvalidModelException(kind + " '" + name + "' must be " + type + ", is " + t.type);
        }
        long[] shape = t.getShape();
        int rank = width > 0 ? 2 : 1;
        if (shape.length != rank) {
            throw new InvalidModelException(kind + " '" + name + "' must have rank " + rank + ", has shape " + java.util.Arrays.toString(shape));
        }
        if (width > 0 && shape[1] != width && shape[1] != -1) {
            throw new InvalidModelException(kind + " '" + name + "' must be [batch, " + width + "], is " + java.util.Arrays.toString(shape));
        }
    }

    private void smokeTest(OrtSession session) throws OrtException {
        int rows = 3;
        long[] sparse = new long[rows * ModelContract.SPARSE_SLOTS];
        for (int i = 0; i < sparse.length; i++) {
            sparse[i] = (i * 7919L) % ModelContract.HASH_BUCKETS;
        }
        float[] dense = new float[rows * ModelContract.DENSE_FEATURES];
        try {
            ModelRunner.run(sessions.environment(), session, sparse, dense, rows);
        } catch (ModelRunner.ModelOutputException e) {
            throw new InvalidModelException("smoke test failed: " + e.getMessage());
        }
    }
}
