package dev.surf.ad.campaign;

import static dev.surf.ad.TestApi.campaignBody;
import static dev.surf.ad.TestApi.createCampaign;
import static dev.surf.ad.TestApi.newTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.ad.TestApi.Tenant;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Campaign CRUD, lifecycle, validation problems, optimistic locking and idempotency, through the real database. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class CampaignApiTest {

    @Test
    void createGetListPatchAndLifecycle() {
        Tenant t = newTenant("crud");
        Response created = t.as().contentType(ContentType.JSON).body(campaignBody("Spring sale"))
                .post("/api/v1/campaigns");
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/campaigns/"))
                .header("ETag", "\"0\"").body("status", equalTo("DRAFT")).body("version", equalTo(0))
                .body("advertiserId", equalTo((int) t.id()));
        long id = created.jsonPath().getLong("id");
        createCampaign(t, "Autumn sale");

        t.as().get("/api/v1/campaigns/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("Spring sale")).body("timeZone", equalTo("Europe/Berlin"));
        t.as().get("/api/v1/campaigns?sort=-name&size=1").then().statusCode(200)
                .body("items[0].name", equalTo("Spring sale")).body("total", equalTo(2)).body("nextPage", equalTo(1));
        t.as().get("/api/v1/campaigns?q=autumn").then().statusCode(200)
                .body("items.name", equalTo(List.of("Autumn sale")));

        t.as().header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"dailyBudgetMicros\": 80000000, \"lifetimeBudgetMicros\": 900000000}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("dailyBudgetMicros", equalTo(80_000_000)).body("name", equalTo("Spring sale"));
        t.as().post("/api/v1/campaigns/" + id + "/actions/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        t.as().get("/api/v1/campaigns?status=active").then().statusCode(200).body("items.id", hasItem((int) id));
        t.as().post("/api/v1/campaigns/" + id + "/actions/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        t.as().delete("/api/v1/campaigns/" + id).then().statusCode(204);
        t.as().get("/api/v1/campaigns/" + id).then().statusCode(200).body("status", equalTo("ARCHIVED"));
        problem(t.as().post("/api/v1/campaigns/" + id + "/actions/activate"), 409);
        problem(t.as().contentType(ContentType.JSON).body("{\"name\":\"x\",\"version\":4}")
                .patch("/api/v1/campaigns/" + id), 409);

        t.as().get("/api/v1/audit?entity=campaign&entityId=" + id + "&sort=id").then().statusCode(200)
                .body("items.action", equalTo(List.of("create", "update", "activate", "pause", "archive")))
                .body("items[1].before.dailyBudgetMicros", equalTo(50_000_000))
                .body("items[1].after.dailyBudgetMicros", equalTo(80_000_000))
                .body("items[1].actor", equalTo(t.prefix()));
    }

    @Test
    void badBodiesAreProblemsNamingTheField() {
        Tenant t = newTenant("validation");
        Map<String, Object> base = campaignBody("valid");
        assertField(t, with(base, "name", null), 422, "name");
        assertField(t, with(base, "name", "x".repeat(100_000)), 422, "name");
        assertField(t, with(base, "bogus", 1), 400, "bogus");
        assertField(t, with(base, "dailyBudgetMicros", "lots"), 400, "dailyBudgetMicros");
        assertField(t, with(base, "dailyBudgetMicros", -5), 422, "dailyBudgetMicros");
        assertField(t, with(base, "dailyBudgetMicros", 1_000_000_000_000_000_000L), 422, "dailyBudgetMicros");
        assertField(t, with(base, "lifetimeBudgetMicros", 1), 422, "lifetimeBudgetMicros");
        assertField(t, with(base, "objective", "FAME"), 400, "objective");
        assertField(t, with(base, "timeZone", "Mars/Olympus"), 422, "timeZone");
        Map<String, Object> backwards = with(with(base, "startAt", "2026-05-01T00:00:00Z"), "endAt", "2026-04-01T00:00:00Z");
        assertField(t, backwards, 422, "endAt");
        assertField(t, with(base, "startAt", "yesterday"), 400, "startAt");

        problem(t.as().contentType(ContentType.JSON).body("{\"name\": \"x\",").post("/api/v1/campaigns"), 400);
        problem(t.as().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/campaigns"), 400);
        problem(t.as().contentType(ContentType.JSON).body("{\"dailyBudgetMicros\": 1e400}").post("/api/v1/campaigns"), 400);
        problem(t.as().contentType(ContentType.JSON).post("/api/v1/campaigns"), 400);
        problem(t.as().contentType(ContentType.TEXT).body("name=x").post("/api/v1/campaigns"), 415);
        problem(t.as().get("/api/v1/campaigns/not-a-number"), 404);
        problem(t.as().get("/api/v1/campaigns?size=100000"), 400);
        problem(t.as().get("/api/v1/campaigns?sort=password"), 400);
        problem(t.as().get("/api/v1/campaigns?status=SHOUTING"), 400);
        problem(t.as().get("/api/v1/no-such-thing"), 404);
        problem(t.as().contentType(ContentType.JSON).body("{}").put("/api/v1/campaigns"), 405);
        t.as().get("/api/v1/campaigns").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void staleVersionIs412AndNothingIsLost() throws Exception {
        Tenant t = newTenant("locking");
        long id = createCampaign(t, "locked");
        String path = "/api/v1/campaigns/" + id;
        t.as().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\":\"first writer\"}")
                .patch(path).then().statusCode(200).body("version", equalTo(1));
        problem(t.as().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\":\"second writer\"}")
                .patch(path), 412);
        problem(t.as().contentType(ContentType.JSON).body("{\"name\":\"stale body\",\"version\":0}").patch(path), 412);
        problem(t.as().contentType(ContentType.JSON).body("{\"name\":\"blind\"}").patch(path), 428);
        t.as().get(path).then().body("name", equalTo("first writer")).body("version", equalTo(1));

        // Concurrent writers with the same version: exactly one wins, the other gets a 412 or 409.
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "writer " + i;
                calls.add(() -> t.as().header("If-Match", "\"1\"").contentType(ContentType.JSON)
                        .body(Map.of("name", name)).patch(path).statusCode());
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one winner: " + codes);
            assertEquals(writers - 1, codes.stream().filter(c -> c == 412).count(), "others stale: " + codes);
        } finally {
            pool.shutdownNow();
        }
        String winner = t.as().get(path).then().body("version", equalTo(2)).extract().jsonPath().getString("name");
        t.as().get("/api/v1/audit?entity=campaign&entityId=" + id + "&sort=-id&size=1").then()
                .body("items[0].after.name", equalTo(winner));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        Tenant t = newTenant("idempotency");
        Response first = t.as().header("Idempotency-Key", "order-1").contentType(ContentType.JSON)
                .body(campaignBody("once")).post("/api/v1/campaigns");
        first.then().statusCode(201);
        Response again = t.as().header("Idempotency-Key", "order-1").contentType(ContentType.JSON)
                .body(campaignBody("once")).post("/api/v1/campaigns");
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")));
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        problem(t.as().header("Idempotency-Key", "order-1").contentType(ContentType.JSON)
                .body(campaignBody("twice")).post("/api/v1/campaigns"), 422);
        // A failed create leaves the key unused.
        problem(t.as().header("Idempotency-Key", "order-2").contentType(ContentType.JSON)
                .body(with(campaignBody("bad"), "dailyBudgetMicros", -1)).post("/api/v1/campaigns"), 422);
        t.as().header("Idempotency-Key", "order-2").contentType(ContentType.JSON)
                .body(campaignBody("good")).post("/api/v1/campaigns").then().statusCode(201);
        // Keys are per advertiser: another advertiser's same key is its own.
        Tenant other = newTenant("idempotency-other");
        other.as().header("Idempotency-Key", "order-1").contentType(ContentType.JSON)
                .body(campaignBody("once")).post("/api/v1/campaigns").then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        t.as().get("/api/v1/campaigns").then().body("total", equalTo(2));
    }

    @Test
    void unauthenticatedCallsAre401Problems() {
        problem(given().get("/api/v1/campaigns"), 401);
        problem(given().header("Authorization", "Bearer nonsense").get("/api/v1/campaigns"), 401);
        problem(given().header("X-Api-Key", "surf_aaaaaaaaaaaa_" + "A".repeat(43)).get("/api/v1/campaigns"), 401);
        Tenant t = newTenant("x-api-key");
        given().header("X-Api-Key", t.key()).get("/api/v1/campaigns").then().statusCode(200);
        problem(t.as().contentType(ContentType.JSON).body("{\"name\":\"n\"}").post("/api/v1/advertisers"), 403);
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    static void assertField(Tenant t, Map<String, Object> body, int status, String field) {
        problem(t.as().contentType(ContentType.JSON).body(body).post("/api/v1/campaigns"), status)
                .body("errors.field", hasItem(field));
    }

    public static io.restassured.response.ValidatableResponse problem(Response r, int status) {
        return r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", notNullValue()).body("title", notNullValue()).body("detail", notNullValue());
    }
}
