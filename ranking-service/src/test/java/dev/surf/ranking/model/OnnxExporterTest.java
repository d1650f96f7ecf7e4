package dev.surf.ranking.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtSession;
import dev.surf.ranking.scoring.ModelRunner;
import dev.surf.ranking.scoring.SessionFactory;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exported graph, run by real ONNX Runtime, computes exactly the trainer's own model. */
class OnnxExporterTest {
    private final SessionFactory sessions = new SessionFactory("cpu", 0, 1);

    @Test
    void onnxRuntimeScoresEqualTheModelsOwnScores() throws Exception {
        Random rnd = new Random(7);
        LogisticModel m = LogisticModel.zeros();
        for (int i = 0; i < m.sparse().length; i++) {
            m.sparse()[i] = (float) (rnd.nextGaussian() * 0.3);
        }
        for (int i = 0; i < m.dense().length; i++) {
            m.dense()[i] = (float) rnd.nextGaussian();
        }
        m.bias()[0] = -3f;
        m.bias()[1] = -1.5f;
        RandomRows rows = RandomRows.draw(rnd, 500);
        byte[] onnx = OnnxExporter.export(m, Map.of("test", "yes"));
        try (OrtSession s = sessions.create(onnx)) {
            assertEquals(ModelContract.NAME, s.getMetadata().getCustomMetadataValue(ModelContract.METADATA_CONTRACT).orElseThrow());
            double maxDiff = rows.maxDiff(sessions, s, m);
            assertTrue(maxDiff < 1e-5, "max |onnx - own| = " + maxDiff);
        }
    }

    @Test
    void priorModelScoresTheGlobalPriorsWithoutHistoryAndFollowsACreativesOwnRate() throws Exception {
        Priors priors = new Priors(0.01, 0.05, 100);
        float[] x = new float[2 * ModelContract.DENSE_FEATURES];
        DenseFeatures.fill(x, 0, Counters.ZERO, Counters.ZERO, Counters.ZERO, 0, priors);
        DenseFeatures.fill(x, ModelContract.DENSE_FEATURES, new Counters(10_000, 500, 0), new Counters(10_000, 500, 100),
                Counters.ZERO, 0, priors);
        long[] ids = new long[2 * ModelContract.SPARSE_SLOTS];
        try (OrtSession s = sessions.create(OnnxExporter.export(LogisticModel.prior(), Map.of()))) {
            float[][] out = ModelRunner.run(sessions.environment(), s, ids, x, 2);
            assertEquals(0.01, out[0][0], 1e-5);
            assertEquals(0.05, out[1][0], 1e-5);
            assertEquals((500 + 1.0) / 10_100, out[0][1], 1e-5);
            assertEquals((100 + 5.0) / 600, out[1][1], 1e-5);
        }
    }

    @Test
    void hashingMatchesReferenceMurmur3() {
        // Reference values of murmur3_x86_32 with seed 0 (mmh3.hash(s, 0, signed=False)).
        assertEquals(0L, Integer.toUnsignedLong(FeatureHasher.murmur3(new byte[0], 0)));
        assertEquals(0x248bfa47L, Integer.toUnsignedLong(FeatureHasher.murmur3("hello".getBytes(), 0)));
        assertEquals(0x2e4ff723L, Integer.toUnsignedLong(FeatureHasher.murmur3("The quick brown fox jumps over the lazy dog".getBytes(), 0)));
        long id = FeatureHasher.id(SparseSlot.COUNTRY, "DE");
        assertTrue(id >= 0 && id < ModelContract.HASH_BUCKETS);
    }
}
