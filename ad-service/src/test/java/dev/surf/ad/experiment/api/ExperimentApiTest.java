package dev.surf.ad.experiment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.surf.ad.experiment.ExperimentFixtures;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The experiments API through HTTP, the real database and the security layer. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class ExperimentApiTest {
    private static final String BASE = "/api/v1/experiments";

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long create(String body) {
        return given().contentType(ContentType.JSON).body(body).post(BASE)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    @TestSecurity(user = "ops", roles = "internal")
    void createReadListUpdateDelete() {
        String key = unique("crud");
        String layer = unique("layer");
        var created = given().contentType(ContentType.JSON).body(ExperimentFixtures.rankingExperiment(key, layer, 40)).post(BASE)
                .then().statusCode(201)
                .header("Location", containsString(BASE + "/"))
                .body("key", equalTo(key)).body("status", equalTo("DRAFT")).body("layer", equalTo(layer))
                .body("variants", hasSize(2)).body("variants[1].params.modelVersion", equalTo("v2"))
                .body("guardrailMetrics", hasItem("SPEND_PER_USER")).body("layerSlice", nullValue())
                .body("salt", nullValue())
                .extract().jsonPath();
        long id = created.getLong("id");
        given().get(BASE + "/" + id).then().statusCode(200).body("name", equalTo("Ranker v2 vs v1"));

        String edited = ExperimentFixtures.rankingExperiment(key, layer, 40).replace("Ranker v2 vs v1", "Renamed");
        given().contentType(ContentType.JSON).body(edited).put(BASE + "/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed")).body("version", equalTo(1));

        given().queryParam("status", "DRAFT").queryParam("size", 1).get(BASE)
                .then().statusCode(200).body("items", hasSize(1)).body("size", equalTo(1)).body("page", equalTo(0))
                .body("items.status", everyItem(equalTo("DRAFT")));

        given().delete(BASE + "/" + id).then().statusCode(204);
        given().get(BASE + "/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found")).body("type", equalTo("https://surf.dev/problems/not-found"));
    }

    @Test
    @TestSecurity(user = "ops", roles = "internal")
    void paginationWalksEveryItemOnce() {
        String layer = unique("pages");
        for (int i = 0; i < 5; i++) {
            create(ExperimentFixtures.rankingExperiment(unique("p" + i), layer, 10));
        }
        var first = given().queryParam("size", 2).get(BASE).then().statusCode(200).extract().jsonPath();
        long total = first.getLong("totalItems");
        int pages = first.getInt("totalPages");
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int p = 0; p < pages; p++) {
            seen.addAll(given().queryParam("size", 2).queryParam("page", p).get(BASE).then().statusCode(200)
                    .extract().jsonPath().getList("items.id", Long.class));
        }
        org.junit.jupiter.api.Assertions.assertEquals(total, seen.size());
        given().queryParam("size", 0).get(BASE).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("page", "x").get(BASE).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("status", "WHATEVER").get(BASE).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "ops", roles = "internal")
    void invalidInputIsProblemJsonNever500() {
        String bad = ExperimentFixtures.rankingExperiment(unique("bad"), "l", 50)
                .replace("\"allocationPercent\": 50, \"params\"", "\"allocationPercent\": 40, \"params\"")
                .replace("\"modelVersion\": \"v2\"", "\"reservePriceMicros\": \"7\"");
        given().contentType(ContentType.JSON).body(bad).post(BASE).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("variants"))
                .body("errors.detail", hasItem(containsString("sum to 100, got 90")))
                .body("errors.field", hasItem("variants[1].params.modelVersion"))
                .body("errors.field", hasItem("variants[1].params.reservePriceMicros"));
        given().contentType(ContentType.JSON).body("{\"key\": \"x\", \"targetKind\": \"COLOUR\", \"variants\": []}").post(BASE)
                .then().statusCode(422).body("errors.field", hasItem("targetKind"));
        given().contentType(ContentType.JSON).body("{\"key\": ").post(BASE)
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        given().contentType(ContentType.JSON).body("{\"trafficPercent\": \"many\"}").post(BASE)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post(BASE).then().statusCode(400).contentType("application/problem+json");
        given().get(BASE + "/abc").then().statusCode(400).contentType("application/problem+json");
        given().get(BASE + "/987654321/results").then().statusCode(404).contentType("application/problem+json");
        String key = unique("dup");
        create(ExperimentFixtures.rankingExperiment(key, "dups", 10));
        given().contentType(ContentType.JSON).body(ExperimentFixtures.rankingExperiment(key, "dups", 10)).post(BASE)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ops", roles = "internal")
    void lifecycleSlicesAndDecisions() {
        String layer = unique("life");
        long a = create(ExperimentFixtures.rankingExperiment(unique("a"), layer, 50));
        long b = create(ExperimentFixtures.rankingExperiment(unique("b"), layer, 60));
        long c = create(ExperimentFixtures.rankingExperiment(unique("c"), layer, 50));

        given().post(BASE + "/" + a + "/start").then().statusCode(200).body("status", equalTo("RUNNING"))
                .body("layerSlice.start", equalTo(0)).body("layerSlice.end", equalTo(5000)).body("startedAt", notNullValue());
        given().post(BASE + "/" + a + "/start").then().statusCode(409).contentType("application/problem+json");
        // 60 % does not fit beside a's 50 % in the same layer: mutually exclusive experiments.
        given().post(BASE + "/" + b + "/start").then().statusCode(409).body("detail", containsString("mutually exclusive"));
        given().post(BASE + "/" + c + "/start").then().statusCode(200).body("layerSlice.start", equalTo(5000));
        given().contentType(ContentType.JSON).body(ExperimentFixtures.rankingExperiment("ignored", layer, 50))
                .put(BASE + "/" + a).then().statusCode(409);
        given().delete(BASE + "/" + a).then().statusCode(409);

        given().contentType(ContentType.JSON).body("{\"decision\": \"EXTEND\", \"reason\": \"underpowered\"}")
                .post(BASE + "/" + a + "/decisions").then().statusCode(200).body("status", equalTo("RUNNING"))
                .body("decisions[0].decision", equalTo("EXTEND")).body("decisions[0].decidedBy", equalTo("ops"))
                .body("decisions[0].decidedAt", notNullValue());
        given().contentType(ContentType.JSON).body("{\"decision\": \"SHIP\", \"variantKey\": \"nope\"}")
                .post(BASE + "/" + a + "/decisions").then().statusCode(422).body("errors[0].field", equalTo("variantKey"));
        given().contentType(ContentType.JSON).body("{\"decision\": \"MAYBE\"}")
                .post(BASE + "/" + a + "/decisions").then().statusCode(422);
        given().contentType(ContentType.JSON).body("{\"decision\": \"SHIP\", \"variantKey\": \"treatment\", \"reason\": \"won\"}")
                .post(BASE + "/" + a + "/decisions").then().statusCode(200).body("status", equalTo("STOPPED"))
                .body("decisions", hasSize(2)).body("decisions[1].variantKey", equalTo("treatment"));
        given().post(BASE + "/" + a + "/stop").then().statusCode(409);
        // a's slice is free again.
        given().post(BASE + "/" + b + "/start").then().statusCode(409); // still 60 % > 50 % free
        given().post(BASE + "/" + c + "/stop").then().statusCode(200).body("status", equalTo("STOPPED"));
        given().post(BASE + "/" + b + "/start").then().statusCode(200).body("layerSlice.start", equalTo(0));
        given().contentType(ContentType.JSON).body("{\"decision\": \"STOP\"}")
                .post(BASE + "/" + b + "/decisions").then().statusCode(200).body("status", equalTo("STOPPED"));

        given().get(BASE + "/" + a + "/results").then().statusCode(200)
                .body("variants", hasSize(2)).body("variants[0].users", equalTo(0))
                .body("sampleRatio.mismatch", equalTo(false)).body("comparisons", hasSize(0));
    }

    @Test
    @TestSecurity(user = "shop", roles = "advertiser")
    void advertisersAreForbidden() {
        given().get(BASE).then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().contentType(ContentType.JSON).body(ExperimentFixtures.rankingExperiment("adv", "l", 10)).post(BASE)
                .then().statusCode(403).contentType("application/problem+json");
        given().get(BASE + "/1/results").then().statusCode(403).contentType("application/problem+json");
    }
}
