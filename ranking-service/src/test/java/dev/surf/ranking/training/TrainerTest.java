package dev.surf.ranking.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.ranking.model.OnnxExporter;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.scoring.SessionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Joins, training, holdout metrics and ONNX parity on signals from a known generative model. */
class TrainerTest {
    private static final Priors PRIORS = new Priors(0.01, 0.05, 100);
    private final ExampleBuilder builder = new ExampleBuilder(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(7), PRIORS);

    @Test
    void joinsClicksAndConversionsByDecisionInsideTheirWindowsAndCountsDuplicatesOnce() {
        long t0 = 1_700_000_000_000L;
        UserSignal imp = UserSignal.newBuilder().setEventId("i1").setTimeMs(t0).setKind(SignalKind.IMPRESSION).setUserId("u")
                .setDecisionId("d1").setCampaignId(1).setCreativeId(11).build();
        List<UserSignal> s = new ArrayList<>();
        s.add(imp);
        s.add(imp); // redelivered
        s.add(imp.toBuilder().setEventId("c1").setKind(SignalKind.CLICK).setTimeMs(t0 + 60_000).build());
        s.add(imp.toBuilder().setEventId("v1").setKind(SignalKind.CONVERSION).setTimeMs(t0 + 3_600_000).build());
        // second impression: its click comes after the 1 h window
        s.add(imp.toBuilder().setEventId("i2").setDecisionId("d2").setTimeMs(t0 + 1000).build());
        s.add(imp.toBuilder().setEventId("c2").setDecisionId("d2").setKind(SignalKind.CLICK).setTimeMs(t0 + 1000 + 7_200_000).build());
        // third: converted without a click -> not a conversion for CVR
        s.add(imp.toBuilder().setEventId("i3").setDecisionId("d3").setTimeMs(t0 + 2000).build());
        s.add(imp.toBuilder().setEventId("v3").setDecisionId("d3").setKind(SignalKind.CONVERSION).setTimeMs(t0 + 5000).build());
        // a late impression whose click window is still open is left out
        s.add(imp.toBuilder().setEventId("i4").setDecisionId("d4").setTimeMs(t0 + 7_200_000).build());

        List<Example> ex = builder.build(s);
        assertEquals(3, ex.size());
        assertTrue(ex.get(0).clicked() && ex.get(0).converted());
        assertFalse(ex.get(1).clicked());
        assertFalse(ex.get(2).clicked() || ex.get(2).converted());
        // point in time: the 2nd impression's creative already had the 1st impression (1 imp, 1 click)
        float[] expected = new float[5];
        dev.surf.ranking.model.DenseFeatures.fill(expected, 0, new dev.surf.ranking.model.Counters(1, 0, 0),
                new dev.surf.ranking.model.Counters(1, 0, 0), new dev.surf.ranking.model.Counters(1, 0, 0), 0, PRIORS);
        assertArrayEquals(expected, ex.get(1).dense());
    }

    @Test
    void learnsTheGenerativeModelAndTheExportedOnnxReproducesItsHoldoutScores() {
        List<UserSignal> signals = SyntheticSignals.generate(20_000, 7, 1_700_000_000_000L);
        List<Example> examples = builder.build(signals);
        var options = new HashedLogisticTrainer.Options(3, 0.05, 1e-6, 42L, true);
        var a = CtrTrainer.logistic(options, 0.2).train(examples);
        var b = CtrTrainer.logistic(options, 0.2).train(examples);
        assertArrayEquals(a.model().sparse(), b.model().sparse(), "fixed seed gives identical weights");

        Map<String, Double> m = a.metrics();
        assertTrue(m.get("ctr_auc") > 0.7, "ctr auc " + m);
        assertTrue(m.get("ctr_calibration") > 0.8 && m.get("ctr_calibration") < 1.25, "calibration " + m);
        assertTrue(m.get("cvr_auc") > 0.6, "cvr auc " + m);
        // The model beats predicting the base rate (log loss of a constant).
        double r = m.get("ctr_holdout_rate");
        double constant = -(r * Math.log(r) + (1 - r) * Math.log(1 - r));
        assertTrue(m.get("ctr_log_loss") < constant, m.get("ctr_log_loss") + " vs constant " + constant);

        byte[] onnx = OnnxExporter.export(a.model(), Map.of());
        TrainingService parity = new TrainingService(null, new SessionFactory("cpu", 0, 1), PRIORS, null, "unused");
        double diff = parity.maxParityDiff(a, onnx);
        assertTrue(diff <= 1e-5, "max |onnx - trainer| on the holdout = " + diff);
        assertEquals(a.holdout().size(), (int) Math.round(m.get("holdout_examples")));
    }

    @Test
    void factorizationMachineTrainsExportsAndMatchesOnnxRuntime() {
        List<Example> examples = builder.build(SyntheticSignals.generate(20_000, 7, 1_700_000_000_000L));
        var fm = new HashedLogisticTrainer.Options(3, 0.05, 1e-6, 42L, true, 4);
        var a = CtrTrainer.logistic(fm, 0.2).train(examples);
        var b = CtrTrainer.logistic(fm, 0.2).train(examples);
        assertEquals(4, a.model().k());
        assertArrayEquals(a.model().factors(), b.model().factors(), "fixed seed gives identical factors");
        assertTrue(a.metrics().get("ctr_auc") > 0.7, "ctr auc " + a.metrics());

        byte[] onnx = OnnxExporter.export(a.model(), Map.of());
        TrainingService parity = new TrainingService(null, new SessionFactory("cpu", 0, 1), PRIORS, null, "unused");
        double diff = parity.maxParityDiff(a, onnx);
        assertTrue(diff <= 1e-5, "max |onnx - trainer| on the holdout with the FM term = " + diff);
    }

    /**
     * Two categorical slots whose click rate depends only on their combination (a checkerboard: high
     * when both ids have the same parity). Each id alone says nothing, so logistic regression stays
     * at chance while a factorization machine learns the pairwise term.
     */
    @Test
    void factorizationMachineLearnsAnInteractionLogisticRegressionCannot() {
        int n = 40_000;
        int slots = 2;
        java.util.Random rnd = new java.util.Random(3);
        long[] ids = new long[n * slots];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(10);
            int c = rnd.nextInt(10);
            ids[i * slots] = a;
            ids[i * slots + 1] = 10 + c;
            y[i] = rnd.nextDouble() < ((a + c) % 2 == 0 ? 0.6 : 0.1);
        }
        int[] train = java.util.stream.IntStream.range(0, 30_000).toArray();
        double lr = holdoutAuc(new HashedLogisticTrainer(32, slots, 0, new HashedLogisticTrainer.Options(3, 0.05, 1e-6, 42L, true))
                .train(ids, new float[0], y, train), ids, y, slots);
        double fm = holdoutAuc(new HashedLogisticTrainer(32, slots, 0, new HashedLogisticTrainer.Options(3, 0.05, 1e-6, 42L, true, 4))
                .train(ids, new float[0], y, train), ids, y, slots);
        assertTrue(lr < 0.6, "logistic regression cannot see the interaction: auc " + lr);
        assertTrue(fm > 0.75, "the factorization machine learns it: auc " + fm + " (lr " + lr + ")");
    }

    private static double holdoutAuc(HashedLogisticTrainer.Weights w, long[] ids, boolean[] y, int slots) {
        int from = 30_000;
        double[] p = new double[y.length - from];
        boolean[] label = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-w.logit(ids, (from + i) * slots, slots, new float[0], 0, 0)));
            label[i] = y[from + i];
        }
        return Metrics.of(p, label).auc();
    }
}
