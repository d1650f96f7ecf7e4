package dev.surf.ad.tracking;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.decision.DecisionFlowTest;
import dev.surf.ad.decision.IndexRefresher;
import dev.surf.ad.decision.RankerFixtureResource;
import dev.surf.ad.decision.TestCampaigns;
import dev.surf.ad.experiment.ExperimentFixtures;
import dev.surf.ad.experiment.assign.ExperimentAssigner;
import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole path an experiment's metrics take: a decision for a user in an experiment, its
 * impression beacon, the signal on surf.signals.v1 tagged with the user's variant, the results
 * consumer. Impressions reach the variant that caused them without any test-side tagging.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
class VariantTaggedBeaconsTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    IndexRefresher refresher;
    @Inject
    ExperimentAssigner assigner;

    @Test
    @TestSecurity(user = "ops", roles = "internal")
    void impressionsFromServedAdsCountForTheUsersVariant() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = "beacon-" + run;
        long id = given().contentType(ContentType.JSON).body(ExperimentFixtures.rankingExperiment(key, "beacons-" + run, 100))
                .post("/api/v1/experiments").then().statusCode(201).extract().jsonPath().getLong("id");
        given().post("/api/v1/experiments/" + id + "/start").then().statusCode(200);
        DecisionFlowTest.await("assigner sees the experiment", () -> variantOf(key, "probe") != null);

        String placement = "p-beacon-" + run;
        new TestCampaigns(ds).create("beacon-" + run, "CPM", 3_000_000, 1_000_000_000, placement, "");
        refresher.rebuild();

        Map<String, Integer> impressions = new HashMap<>();
        for (int u = 0; u < 30; u++) {
            String user = "beacon-user-" + run + "-" + u;
            JsonPath r = given().contentType(ContentType.JSON)
                    .body(DecisionFlowTest.decisionBody(placement, user, "US", 30, "", 1))
                    .post("/v1/decisions").then().statusCode(200).extract().jsonPath();
            URI imp = URI.create(r.getString("ads[0].tracking.impressionUrl"));
            given().get(imp.getRawPath() + "?" + imp.getRawQuery()).then().statusCode(200);
            impressions.merge(variantOf(key, user), 1, Integer::sum);
        }
        assertTrue(impressions.getOrDefault("control", 0) > 0 && impressions.getOrDefault("treatment", 0) > 0,
                "30 users split over both variants: " + impressions);

        DecisionFlowTest.await("every impression counted for its variant", () -> impressionsIn(id, 0) + impressionsIn(id, 1) >= 30);
        JsonPath results = given().get("/api/v1/experiments/" + id + "/results").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < 2; i++) {
            String variant = results.getString("variants[" + i + "].key");
            assertEquals(impressions.getOrDefault(variant, 0), results.getInt("variants[" + i + "].impressions"), variant);
            assertEquals(0, results.getInt("variants[" + i + "].mismatchedEvents"), variant);
        }
    }

    private String variantOf(String experimentKey, String user) {
        return assigner.assign(user).stream().filter(a -> a.experimentKey().equals(experimentKey))
                .map(a -> a.variantKey()).findFirst().orElse(null);
    }

    private static int impressionsIn(long experiment, int variantIndex) {
        return given().get("/api/v1/experiments/" + experiment + "/results").then().statusCode(200).extract().jsonPath()
                .getInt("variants[" + variantIndex + "].impressions");
    }
}
