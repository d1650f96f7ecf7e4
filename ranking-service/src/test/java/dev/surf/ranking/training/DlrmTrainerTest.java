package dev.surf.ranking.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtSession;
import dev.surf.ranking.model.DenseLayer;
import dev.surf.ranking.model.DlrmModel;
import dev.surf.ranking.model.DlrmNetwork;
import dev.surf.ranking.model.OnnxExporter;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.registry.ModelValidator;
import dev.surf.ranking.scoring.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The DLRM head trainer: ONNX parity, determinism, and interactions a logistic regression cannot learn. */
class DlrmTrainerTest {
    private static final Priors PRIORS = new Priors(0.01, 0.05, 100);
    private static final int SLOTS = 16;
    private static final int DENSE = 5;
    private static final int BUCKETS = 64;
    private final SessionFactory sessions = new SessionFactory("cpu", 0, 1);

    private static List<Example> examples(int impressions) {
        var builder = new ExampleBuilder(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(7), PRIORS);
        return builder.build(SyntheticSignals.generate(impressions, 7, 1_700_000_000_000L));
    }

    @Test
    void trainsOnSignalsAndTheExportedOnnxReproducesItsHoldoutScoresAndPassesValidation() throws Exception {
        // A small log (16k training rows, ~800 clicks for the CVR head): more than the default single epoch.
        TrainedModel<DlrmModel> a = CtrTrainer.dlrm(DlrmTrainer.Options.defaults().withEpochs(3), 0.2).train(examples(20_000));
        Map<String, Double> m = a.metrics();
        assertTrue(m.get("ctr_auc") > 0.7, "ctr auc " + m);
        assertTrue(m.get("ctr_calibration") > 0.8 && m.get("ctr_calibration") < 1.25, "calibration " + m);
        assertTrue(m.get("cvr_auc") > 0.6, "cvr auc " + m);

        byte[] onnx = OnnxExporter.export(a.model(), Map.of("surf.source", "test"));
        double diff = new TrainingService(null, sessions, PRIORS, null, "unused").maxParityDiff(a, onnx);
        assertTrue(diff <= TrainingService.PARITY_TOLERANCE, "max |onnx - trainer| on the holdout = " + diff);
        new ModelValidator(sessions, 64 << 20).validate(onnx);
        try (OrtSession s = sessions.create(onnx)) {
            assertEquals("dlrm", s.getMetadata().getCustomMetadataValue("surf.model-kind").orElseThrow());
        }
    }

    @Test
    void sameDataAndSeedGiveIdenticalWeights() {
        List<Example> examples = examples(4_000);
        var options = DlrmTrainer.Options.defaults();
        DlrmModel a = CtrTrainer.dlrm(options, 0.2).train(examples).model();
        DlrmModel b = CtrTrainer.dlrm(options, 0.2).train(examples).model();
        for (int h = 0; h < 2; h++) {
            DlrmNetwork x = a.head(h);
            DlrmNetwork y = b.head(h);
            assertArrayEquals(x.embeddings(), y.embeddings(), "embeddings of head " + h);
            DenseLayer[] lx = {x.bottomHidden(), x.bottomOut(), x.topHidden(), x.topOut()};
            DenseLayer[] ly = {y.bottomHidden(), y.bottomOut(), y.topHidden(), y.topOut()};
            for (int l = 0; l < lx.length; l++) {
                assertArrayEquals(lx[l].weights(), ly[l].weights(), "layer " + l + " of head " + h);
                assertArrayEquals(lx[l].bias(), ly[l].bias(), "layer " + l + " of head " + h);
            }
        }
    }

    /**
     * The checkerboard of TrainerTest in the contract's layout: slots 0 and 1 carry ids whose click
     * rate depends only on their combination (high when both have the same parity); the other slots
     * are constant and the dense features noise. Logistic regression stays at chance.
     */
    @Test
    void learnsASparseInteractionLogisticRegressionCannot() {
        Random rnd = new Random(3);
        Rows rows = Rows.random(40_000, rnd);
        for (int i = 0; i < rows.y.length; i++) {
            int a = rnd.nextInt(10);
            int c = rnd.nextInt(10);
            rows.ids[i * SLOTS] = a;
            rows.ids[i * SLOTS + 1] = 10 + c;
            rows.y[i] = rnd.nextDouble() < ((a + c) % 2 == 0 ? 0.6 : 0.1);
        }
        double[] auc = lrAndDlrmAuc(rows);
        assertTrue(auc[0] < 0.6, "logistic regression cannot see the interaction: auc " + auc[0]);
        assertTrue(auc[1] > 0.75, "the DLRM learns it: auc " + auc[1] + " (lr " + auc[0] + ")");
    }

    /** Click rate high when dense feature 0 is far from 0 on either side: no linear function of it ranks that. */
    @Test
    void learnsADenseNonlinearityLogisticRegressionCannot() {
        Random rnd = new Random(5);
        Rows rows = Rows.random(40_000, rnd);
        for (int i = 0; i < rows.y.length; i++) {
            rows.y[i] = rnd.nextDouble() < (Math.abs(rows.x[i * DENSE]) > 1 ? 0.5 : 0.05);
        }
        double[] auc = lrAndDlrmAuc(rows);
        assertTrue(auc[0] < 0.6, "logistic regression cannot: auc " + auc[0]);
        assertTrue(auc[1] > 0.75, "the DLRM's bottom MLP learns it: auc " + auc[1] + " (lr " + auc[0] + ")");
    }

    /** Rows in the contract layout over {@link #BUCKETS} ids: slot s constant (id 20 + s), dense N(0, 1). */
    private record Rows(long[] ids, float[] x, boolean[] y) {
        static Rows random(int n, Random rnd) {
            long[] ids = new long[n * SLOTS];
            float[] x = new float[n * DENSE];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < SLOTS; s++) {
                    ids[i * SLOTS + s] = 20 + s;
                }
                for (int d = 0; d < DENSE; d++) {
                    x[i * DENSE + d] = (float) rnd.nextGaussian();
                }
            }
            return new Rows(ids, x, new boolean[n]);
        }
    }

    /** Trains on the first 75 % of the rows; holdout AUC of [logistic regression, DLRM]. */
    private static double[] lrAndDlrmAuc(Rows rows) {
        int n = rows.y.length;
        int from = n * 3 / 4;
        int[] train = IntStream.range(0, from).toArray();
        var lr = new HashedLogisticTrainer(BUCKETS, SLOTS, DENSE, new HashedLogisticTrainer.Options(3, 0.05, 1e-6, 42L, true))
                .train(rows.ids, rows.x, rows.y, train);
        DlrmNetwork dlrm = new DlrmTrainer(BUCKETS, SLOTS, DENSE, DlrmTrainer.Options.defaults()).train(rows.ids, rows.x, rows.y, train);
        var a = new DlrmNetwork.Activations(dlrm);
        double[] pLr = new double[n - from];
        double[] pDlrm = new double[n - from];
        boolean[] label = new boolean[n - from];
        for (int i = 0; i < label.length; i++) {
            int r = from + i;
            pLr[i] = lr.logit(rows.ids, r * SLOTS, SLOTS, rows.x, r * DENSE, DENSE);
            pDlrm[i] = dlrm.logit(rows.ids, r * SLOTS, rows.x, r * DENSE, a);
            label[i] = rows.y[r];
        }
        return new double[] {Metrics.of(pLr, label).auc(), Metrics.of(pDlrm, label).auc()};
    }
}
