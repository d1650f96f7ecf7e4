package dev.surf.ranking.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnxruntime.OrtSession;
import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.OnnxExporter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Asking for CUDA on a build or host without it falls back to a working CPU session. */
class SessionFactoryTest {

    @Test
    void cudaFallsBackToCpuAndStillScores() throws Exception {
        SessionFactory f = new SessionFactory("cuda", 0, 1);
        byte[] onnx = OnnxExporter.export(LogisticModel.prior(), Map.of());
        try (OrtSession s = f.create(onnx)) {
            // This machine has the CPU-only onnxruntime artifact and no GPU.
            assertEquals("cpu", f.provider());
            assertNotNull(f.fallbackReason());
            float[][] out = ModelRunner.run(f.environment(), s, new long[ModelContract.SPARSE_SLOTS],
                    new float[ModelContract.DENSE_FEATURES], 1);
            assertEquals(0.5, out[0][0], 1e-6);
        }
        try (OrtSession again = f.create(onnx)) {
            assertNotNull(again);
        }
    }

    @Test
    void unknownProviderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SessionFactory("tpu", 0, 1));
    }
}
