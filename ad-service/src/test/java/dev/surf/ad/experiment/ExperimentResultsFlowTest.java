package dev.surf.ad.experiment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.experiment.assign.Assignment;
import dev.surf.ad.experiment.assign.ExperimentAssigner;
import dev.surf.ad.experiment.assign.ExposureLogger;
import dev.surf.ad.experiment.stats.Comparison;
import dev.surf.ad.experiment.stats.SampleMoments;
import dev.surf.ad.experiment.stats.WelchTest;
import dev.surf.ad.tracking.SignalPublisher;
import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * End to end through the real broker and database: start an experiment, assign users with the
 * in-memory assigner, log exposures and tagged impressions/clicks on surf.signals.v1, and read the
 * counts back from the results endpoint. Every signal is also published a second time (a
 * redelivery): the counts must not change.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class ExperimentResultsFlowTest {
    private static final String BASE = "/api/v1/experiments";

    @Inject
    ExperimentAssigner assigner;
    @Inject
    ExposureLogger exposures;
    @Inject
    SignalPublisher publisher;
    @Inject
    MeterRegistry registry;

    private double signals(String outcome) {
        Counter c = registry.find("surf_experiment_signals_total").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    @TestSecurity(user = "ops", roles = "internal")
    void exposuresAndSignalsAreCountedExactlyOnce() throws Exception {
        String key = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().contentType(ContentType.JSON).body(ExperimentFixtures.rankingExperiment(key, "flow-" + key, 100))
                .post(BASE).then().statusCode(201).extract().jsonPath().getLong("id");
        given().post(BASE + "/" + id + "/start").then().statusCode(200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        await(() -> !assignmentFor(key, "probe-" + run).isEmpty(), "assigner picks up the started experiment");

        int users = 400;
        Map<String, Integer> usersPerVariant = new HashMap<>();
        // Conversions, not clicks: SignalFlowAcrossServicesTest counts every CLICK on the shared
        // test broker's surf.signals.v1, so this test publishes none.
        Map<String, Integer> conversionsPerVariant = new HashMap<>();
        Map<String, Long> spendPerVariant = new HashMap<>();
        Map<String, List<Double>> userSpends = new HashMap<>();
        List<UserSignal> sent = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String user = "flow-user-" + run + "-" + u;
            List<Assignment> mine = assignmentFor(key, user);
            assertEquals(1, mine.size(), "a 100 % experiment covers every user");
            String variant = mine.getFirst().variantKey();
            assertEquals(variant.equals("control") ? "v1" : "v2", mine.getFirst().params().get("modelVersion"));
            usersPerVariant.merge(variant, 1, Integer::sum);
            // Two decisions per user: the user must still count once.
            for (int d = 0; d < 2; d++) {
                acks.add(exposures.logExposure(user, "dec-" + run + "-" + u + "-" + d, mine));
            }
            long price = 1000L * (u % 7);
            UserSignal imp = tagged(SignalKind.IMPRESSION, user, key, variant, price);
            sent.add(imp);
            if (u % 3 == 0) {
                sent.add(tagged(SignalKind.CONVERSION, user, key, variant, 0));
                conversionsPerVariant.merge(variant, 1, Integer::sum);
            }
            spendPerVariant.merge(variant, price, Long::sum);
            userSpends.computeIfAbsent(variant, k -> new ArrayList<>()).add(price / 1e6);
        }
        // An event for an unknown experiment is rejected, not counted anywhere.
        sent.add(tagged(SignalKind.CONVERSION, "flow-stranger-" + run, "no-such-experiment", "x", 0));
        double duplicatesBefore = signals("duplicate");
        double rejectedBefore = signals("rejected");
        for (UserSignal s : sent) {
            acks.add(publisher.publish(s));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        // Redelivery: the same events (same ids) once more through the broker.
        List<CompletableFuture<?>> again = new ArrayList<>();
        for (UserSignal s : sent) {
            again.add(publisher.publish(s));
        }
        for (int u = 0; u < users; u++) {
            String user = "flow-user-" + run + "-" + u;
            again.add(exposures.logExposure(user, "dec-" + run + "-" + u + "-0", assignmentFor(key, user)));
        }
        CompletableFuture.allOf(again.toArray(CompletableFuture[]::new)).get();

        // Wait until the consumer has seen every redelivered event (it counts them as duplicates):
        // every tagged signal (the unknown-experiment one too: its id was stored when it was rejected)
        // plus one exposure per user.
        double expectedDuplicates = sent.size() + users;
        await(() -> signals("duplicate") - duplicatesBefore >= expectedDuplicates, "the consumer saw every redelivery");
        assertEquals(expectedDuplicates, signals("duplicate") - duplicatesBefore, 0.0, "redelivered events recognised");
        assertEquals(1.0, signals("rejected") - rejectedBefore, 0.0, "the unknown experiment's event, once");
        JsonPath settled = results(id);
        for (String variant : List.of("control", "treatment")) {
            int idx = variant.equals("control") ? 0 : 1;
            assertEquals(variant, settled.getString("variants[" + idx + "].key"));
            int n = usersPerVariant.getOrDefault(variant, 0);
            assertEquals(n, settled.getInt("variants[" + idx + "].users"), "distinct users in " + variant);
            assertEquals(2 * n, settled.getInt("variants[" + idx + "].exposures"), "exposure events in " + variant);
            assertEquals(n, settled.getInt("variants[" + idx + "].impressions"));
            assertEquals(conversionsPerVariant.getOrDefault(variant, 0), settled.getInt("variants[" + idx + "].conversions"));
            assertEquals(0, settled.getInt("variants[" + idx + "].clicks"));
            assertEquals(spendPerVariant.getOrDefault(variant, 0L) / 1e6, settled.getDouble("variants[" + idx + "].spend"), 1e-9);
            assertEquals(0, settled.getInt("variants[" + idx + "].mismatchedEvents"));
        }
        assertEquals(users, usersPerVariant.values().stream().mapToInt(Integer::intValue).sum());
        assertFalse(settled.getBoolean("sampleRatio.mismatch"), "a 50/50 hash split passes the SRM check");
        List<Map<String, Object>> comparisons = settled.getList("comparisons");
        assertEquals(3, comparisons.size(), "click rate, conversion rate and spend per user");
        Map<String, Object> conversionRate = comparisons.stream().filter(c -> "CONVERSION_RATE".equals(c.get("metric"))).findFirst().orElseThrow();
        assertEquals("SECONDARY", conversionRate.get("role"));
        assertNotNull(conversionRate.get("msprtPValue"));
        double p = ((Number) conversionRate.get("pValue")).doubleValue();
        double msprt = ((Number) conversionRate.get("msprtPValue")).doubleValue();
        assertTrue(p > 0 && p <= 1 && msprt >= p, "mSPRT is the more conservative p-value: " + p + " vs " + msprt);
        // Welch on spend per user from the stored sums of squares equals Welch on the raw per-user values.
        Map<String, Object> spend = comparisons.stream().filter(c -> "SPEND_PER_USER".equals(c.get("metric"))).findFirst().orElseThrow();
        Comparison expected = WelchTest.compare(moments(userSpends.get("control")), moments(userSpends.get("treatment")), 0.95);
        assertEquals(expected.statistic(), ((Number) spend.get("statistic")).doubleValue(), 1e-9);
        assertEquals(expected.pValue(), ((Number) spend.get("pValue")).doubleValue(), 1e-9);
        assertEquals("GUARDRAIL", spend.get("role"));
    }

    private static SampleMoments moments(List<Double> values) {
        return SampleMoments.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private List<Assignment> assignmentFor(String experimentKey, String user) {
        return assigner.assign(user).stream().filter(a -> a.experimentKey().equals(experimentKey)).toList();
    }

    private static UserSignal tagged(SignalKind kind, String user, String experiment, String variant, long price) {
        return UserSignal.newBuilder().setEventId(EventIds.random()).setTimeMs(System.currentTimeMillis()).setKind(kind)
                .setUserId(user).setPriceMicros(price).putExperimentVariants(experiment, variant).build();
    }

    private static JsonPath results(long id) {
        return ExperimentFixtures.results(id);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        ExperimentFixtures.await(condition, what);
    }
}
