package dev.surf.ad.experiment.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.ExperimentRepository.Layer;
import dev.surf.ad.experiment.ExperimentStatus;
import dev.surf.ad.experiment.Metric;
import dev.surf.ad.experiment.TargetKind;
import dev.surf.ad.experiment.Variant;
import dev.surf.ad.experiment.stats.Distributions;
import dev.surf.ad.experiment.stats.SampleRatioMismatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hashing is stable and uniform; layers are exclusive inside and independent across. */
class BucketingTest {
    private static final int USERS = 200_000;

    /**
     * Values from an independent implementation (Python: int.from_bytes(hashlib.sha256(salt + b"\0" +
     * user).digest()[:8], "big") % 10000): any JVM, replica or restart must agree with them.
     */
    @Test
    void hashIsTheDocumentedSha256Prefix() {
        assertEquals(3721915993175073066L, Bucketing.hash64("salt-1", "user-42"));
        assertEquals(3066, Bucketing.bucket("salt-1", "user-42"));
        assertEquals(3192, Bucketing.bucket("", ""));
        assertEquals(4906, Bucketing.bucket("layer", "alice"));
    }

    @Test
    void bucketsAreUniform() {
        long[] counts = new long[100];
        for (int i = 0; i < USERS; i++) {
            counts[Bucketing.bucket("uniformity", "u" + i) / 100]++;
        }
        double[] weights = new double[100];
        java.util.Arrays.fill(weights, 1);
        var r = SampleRatioMismatch.test(counts, weights, 0.001);
        assertFalse(r.mismatch(), "chi-square p = " + r.pValue());
    }

    @Test
    void firstFreeSliceFindsTheLowestGap() {
        assertEquals(0, Bucketing.firstFreeSlice(List.of(), 10_000));
        assertEquals(5000, Bucketing.firstFreeSlice(List.<int[]>of(new int[] {0, 5000}), 5000));
        assertEquals(-1, Bucketing.firstFreeSlice(List.<int[]>of(new int[] {0, 5000}), 5100));
        assertEquals(1000, Bucketing.firstFreeSlice(List.of(new int[] {0, 1000}, new int[] {3000, 10_000}), 2000));
        assertEquals(-1, Bucketing.firstFreeSlice(List.of(new int[] {0, 1000}, new int[] {3000, 10_000}), 2001));
    }

    private static Experiment running(long id, String key, String layer, int start, int end, int... allocations) {
        List<Variant> variants = new java.util.ArrayList<>();
        for (int i = 0; i < allocations.length; i++) {
            variants.add(new Variant("v" + i, "", allocations[i], i == 0, Map.of("modelVersion", "m" + i)));
        }
        return new Experiment(id, key, key, "", TargetKind.RANKING_MODEL_VERSION, layer, (end - start) / 100, "salt-" + key,
                ExperimentStatus.RUNNING, Metric.CLICK_RATE, List.of(), start, end, null, null, null, null, 0, variants, List.of());
    }

    @Test
    void layersAreExclusiveInsideAndOrthogonalAcross() {
        List<Layer> layers = List.of(new Layer(1, "ranking", "ranking-salt"), new Layer(2, "auction", "auction-salt"));
        AssignmentTable table = AssignmentTable.of(layers, List.of(
                running(1, "a", "ranking", 0, 5000, 50, 50),
                running(2, "b", "ranking", 5000, 7000, 20, 30, 50),
                running(3, "c", "auction", 0, 10_000, 50, 50)));
        Map<String, Integer> perExperiment = new HashMap<>();
        Map<String, Integer> perVariant = new HashMap<>();
        long[][] cross = new long[3][2]; // (none, a, b) x (c variant)
        for (int i = 0; i < USERS; i++) {
            String user = "user-" + i;
            List<Assignment> got = table.assign(user);
            assertEquals(got, table.assign(user), "deterministic");
            boolean a = false;
            boolean b = false;
            int cVariant = -1;
            for (Assignment x : got) {
                perExperiment.merge(x.experimentKey(), 1, Integer::sum);
                perVariant.merge(x.experimentKey() + "/" + x.variantKey(), 1, Integer::sum);
                a |= x.experimentKey().equals("a");
                b |= x.experimentKey().equals("b");
                if (x.experimentKey().equals("c")) {
                    cVariant = Integer.parseInt(x.variantKey().substring(1));
                    assertEquals("m" + cVariant, x.params().get("modelVersion"));
                }
            }
            assertFalse(a && b, "experiments of one layer are mutually exclusive");
            assertTrue(cVariant >= 0, "a 100 % experiment covers everyone in its layer");
            cross[a ? 1 : b ? 2 : 0][cVariant]++;
        }
        // Layer slices: 50 % in a, 20 % in b, 30 % in neither; splits follow the allocations.
        assertEquals(0.5, perExperiment.get("a") / (double) USERS, 0.005);
        assertEquals(0.2, perExperiment.get("b") / (double) USERS, 0.005);
        assertEquals(0.3, perVariant.get("b/v1") / (double) perExperiment.get("b"), 0.01);
        // Orthogonality: the auction layer's split is independent of the ranking layer's
        // (chi-square test of independence on the 3 x 2 table, 2 df).
        double chi2 = 0;
        long total = USERS;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                double expected = (double) (cross[r][0] + cross[r][1]) * (cross[0][c] + cross[1][c] + cross[2][c]) / total;
                chi2 += Math.pow(cross[r][c] - expected, 2) / expected;
            }
        }
        assertTrue(Distributions.chiSquareSf(chi2, 2) > 0.001, "layers look dependent: chi2 = " + chi2);
    }
}
