package dev.surf.ranking.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtSession;
import dev.surf.ranking.registry.ModelValidator;
import dev.surf.ranking.scoring.SessionFactory;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exported DLRM graph, run by real ONNX Runtime, computes the network's own forward pass. */
class DlrmOnnxExporterTest {
    private final SessionFactory sessions = new SessionFactory("cpu", 0, 1);

    @Test
    void onnxRuntimeScoresEqualTheNetworksOwnScoresForRandomWeightsAndIds() throws Exception {
        Random rnd = new Random(11);
        DlrmModel m = new DlrmModel(random(rnd, 8, 16, 32), random(rnd, 4, 8, 12));
        RandomRows rows = RandomRows.draw(rnd, 300);
        byte[] onnx = OnnxExporter.export(m, Map.of("test", "yes"));
        new ModelValidator(sessions, 64 << 20).validate(onnx);
        try (OrtSession s = sessions.create(onnx)) {
            assertEquals("dlrm", s.getMetadata().getCustomMetadataValue("surf.model-kind").orElseThrow());
            assertEquals("yes", s.getMetadata().getCustomMetadataValue("test").orElseThrow());
            double maxDiff = rows.maxDiff(sessions, s, m);
            double spread = 0;
            for (int r = 0; r < rows.rows(); r++) {
                for (int h = 0; h < TwoHeadModel.HEADS; h++) {
                    spread = Math.max(spread, Math.abs(rows.own(m, r, h) - 0.5));
                }
            }
            assertTrue(maxDiff < 1e-5, "max |onnx - own| = " + maxDiff);
            assertTrue(spread > 0.1, "scores spread over (0, 1), not all ~0.5: " + spread);
        }
    }

    @Test
    void pairIndexPicksTheUpperTriangleRowByRow() {
        assertArrayEquals(new long[] {1, 2, 5}, DlrmOnnxExporter.upperTriangle(3));
        assertEquals(136, DlrmOnnxExporter.upperTriangle(17).length);
    }

    /** Weights of the size a trained head has, so every dot and layer moves the logit. */
    private static DlrmNetwork random(Random rnd, int dim, int bottom, int top) {
        float[] embeddings = new float[ModelContract.HASH_BUCKETS * dim];
        for (int i = 0; i < embeddings.length; i++) {
            embeddings[i] = (float) (rnd.nextGaussian() * 0.3);
        }
        int topIn = dim + DlrmNetwork.pairs(ModelContract.SPARSE_SLOTS + 1);
        return new DlrmNetwork(ModelContract.SPARSE_SLOTS, dim, embeddings, layer(rnd, ModelContract.DENSE_FEATURES, bottom),
                layer(rnd, bottom, dim), layer(rnd, topIn, top), layer(rnd, top, 1));
    }

    private static DenseLayer layer(Random rnd, int in, int out) {
        DenseLayer l = DenseLayer.zeros(in, out);
        for (int i = 0; i < l.weights().length; i++) {
            l.weights()[i] = (float) (rnd.nextGaussian() / Math.sqrt(in));
        }
        for (int j = 0; j < out; j++) {
            l.bias()[j] = (float) (rnd.nextGaussian() * 0.1);
        }
        return l;
    }
}
