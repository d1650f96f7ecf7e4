package dev.surf.ad.decision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ranking slow, down or answering garbage: every decision still answers 200 with prior scores. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
class RankingFallbackTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    IndexRefresher refresher;
    @Inject
    MeterRegistry metrics;

    private double fallbacks() {
        return metrics.find("surf.ranking.fallback").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private JsonPath decide() {
        return given().contentType("application/json")
                .body(DecisionFlowTest.decisionBody("p-fallback", "u-fb", "US", 30, "", 2))
                .post("/v1/decisions").then().statusCode(200).extract().jsonPath();
    }

    @AfterEach
    void restore() throws InterruptedException {
        RankerFixture.get().mode(RankerFixture.Mode.NORMAL);
        RankerFixture.get().start();
        // The breaker half-opens after its open time; wait until the model answers again.
        DecisionFlowTest.await("model scoring back", () -> "model".equals(decide().getString("scoring")));
    }

    @Test
    void everyFailureModeFallsBackToPriors() throws Exception {
        TestCampaigns t = new TestCampaigns(ds);
        t.create("fb-a", "CPC", 1_000_000, 100_000_000, "p-fallback", "");
        t.create("fb-b", "CPM", 4_000_000, 100_000_000, "p-fallback", "");
        refresher.rebuild();
        // As in restore(): when this class runs first, the JVM's first ranking calls are cold and may miss the 20 ms deadline.
        DecisionFlowTest.await("model scoring", () -> "model".equals(decide().getString("scoring")));
        for (RankerFixture.Mode m : new RankerFixture.Mode[] {RankerFixture.Mode.SLOW, RankerFixture.Mode.NAN,
                RankerFixture.Mode.WRONG_LENGTH, RankerFixture.Mode.OUT_OF_RANGE}) {
            RankerFixture.get().mode(m);
            double before = fallbacks();
            JsonPath r = decide();
            assertTrue(r.getString("scoring").startsWith("prior:"), m + " -> " + r.getString("scoring"));
            assertEquals(2, r.getList("ads").size(), m + " still fills both slots");
            // prior CTR for a campaign without stats is the configured global prior
            assertTrue(fallbacks() > before, "fallback counted for " + m);
            restore();
        }
    }

    @Test
    void rankingDownDecisionsKeepFlowingAndBreakerOpens() throws Exception {
        TestCampaigns t = new TestCampaigns(ds);
        t.create("fb-down", "CPM", 4_000_000, 100_000_000, "p-fallback", "");
        refresher.rebuild();
        RankerFixture.get().stop();
        int errors = 0;
        boolean sawOpen = false;
        for (int i = 0; i < 50; i++) {
            int status = given().contentType("application/json")
                    .body(DecisionFlowTest.decisionBody("p-fallback", "u-down-" + i, "US", 30, "", 1))
                    .post("/v1/decisions").then().extract().statusCode();
            if (status != 200) {
                errors++;
            }
            JsonPath r = decide();
            assertTrue(r.getString("scoring").startsWith("prior:"));
            assertEquals(1, r.getList("ads").size() >= 1 ? 1 : 0);
            sawOpen |= r.getString("scoring").equals("prior:circuit_open");
        }
        assertEquals(0, errors, "0 errors to the caller while ranking is down");
        assertTrue(sawOpen, "after repeated failures the breaker answers at once");
    }
}
