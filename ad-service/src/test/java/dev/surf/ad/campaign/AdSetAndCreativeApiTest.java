package dev.surf.ad.campaign;

import static dev.surf.ad.TestApi.createAdSet;
import static dev.surf.ad.TestApi.createCampaign;
import static dev.surf.ad.TestApi.createCreative;
import static dev.surf.ad.TestApi.newTenant;
import static dev.surf.ad.campaign.CampaignApiTest.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.surf.ad.TestApi;
import dev.surf.ad.TestApi.Tenant;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ad sets and creatives: CRUD, targeting and creative-rule validation, review flow, key revocation. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class AdSetAndCreativeApiTest {

    @Test
    void adSetCrudAndTargetingValidation() {
        Tenant t = newTenant("ad-sets");
        long c = createCampaign(t, "with sets");
        long s = createAdSet(t, c);
        t.as().get("/api/v1/ad-sets/" + s).then().statusCode(200).body("countries", equalTo(List.of("DE")))
                .body("interests", equalTo(List.of("running"))).body("status", equalTo("ACTIVE"));
        t.as().header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"dayparting\":[9,8,8],\"frequencyCap\":3,\"frequencyPeriod\":\"DAY\",\"countries\":null}")
                .patch("/api/v1/ad-sets/" + s).then().statusCode(200).body("dayparting", equalTo(List.of(8, 9)))
                .body("countries", equalTo(List.of())).body("frequencyCap", equalTo(3));
        t.as().get("/api/v1/ad-sets?campaignId=" + c).then().body("items.id", hasItem((int) s));
        Map<String, Object> base = Map.of("campaignId", c, "name", "bad");
        assertAdSetField(t, with(base, "countries", List.of("XX")), 422, "countries[0]");
        assertAdSetField(t, with(base, "interests", List.of("knitting-circles")), 422, "interests[0]");
        assertAdSetField(t, with(with(base, "ageMin", 50), "ageMax", 20), 422, "ageMax");
        assertAdSetField(t, with(base, "ageMin", 5), 422, "ageMin");
        assertAdSetField(t, with(base, "genders", List.of("ROBOT")), 400, "genders[0]");
        assertAdSetField(t, with(base, "dayparting", List.of(168)), 422, "dayparting[0]");
        assertAdSetField(t, with(base, "frequencyCap", 3), 422, "frequencyPeriod");
        problem(t.as().contentType(ContentType.JSON).body(with(base, "campaignId", 987654321L)).post("/api/v1/ad-sets"), 404);
        problem(t.as().header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"campaignId\":" + createCampaign(t, "other") + "}").patch("/api/v1/ad-sets/" + s), 422);
        t.as().post("/api/v1/ad-sets/" + s + "/actions/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        t.as().delete("/api/v1/ad-sets/" + s).then().statusCode(204);
        t.as().get("/api/v1/ad-sets/" + s).then().body("status", equalTo("ARCHIVED"));
    }

    @Test
    void creativeRulesAndReview() {
        Tenant t = newTenant("creatives");
        long c = createCampaign(t, "with creatives");
        long r = createCreative(t, c);
        Map<String, Object> base = TestApi.creativeBody(c);
        assertCreativeField(t, with(base, "headline", "h".repeat(41)), 422, "headline");
        assertCreativeField(t, with(base, "primaryText", "p".repeat(126)), 422, "primaryText");
        assertCreativeField(t, with(base, "description", "d".repeat(31)), 422, "description");
        assertCreativeField(t, with(base, "callToAction", "CLICK_HERE_NOW"), 422, "callToAction");
        assertCreativeField(t, with(base, "landingUrl", "http://shop.example.com"), 422, "landingUrl");
        assertCreativeField(t, with(base, "imageUrl", "javascript:alert(1)"), 422, "imageUrl");
        assertCreativeField(t, with(base, "generator", Map.of("model", "x")), 422, "generator");
        Map<String, Object> generated = with(with(with(base, "source", "GENERATED"),
                "generator", Map.of("model", "stories260K", "seed", 7)), "variantIndex", 1);
        t.as().contentType(ContentType.JSON).body(generated).post("/api/v1/creatives").then().statusCode(201)
                .body("source", equalTo("GENERATED")).body("generator.seed", equalTo(7));

        t.as().post("/api/v1/creatives/" + r + "/actions/submit").then().statusCode(200).body("status", equalTo("PENDING_REVIEW"));
        problem(t.as().post("/api/v1/creatives/" + r + "/actions/approve"), 403);
        TestApi.admin().post("/api/v1/creatives/" + r + "/actions/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        t.as().post("/api/v1/creatives/" + r + "/actions/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        t.as().post("/api/v1/creatives/" + r + "/actions/resume").then().statusCode(200).body("status", equalTo("APPROVED"));
        long version = t.as().get("/api/v1/creatives/" + r).then().extract().jsonPath().getLong("version");
        t.as().contentType(ContentType.JSON).body(Map.of("headline", "New words", "version", version))
                .patch("/api/v1/creatives/" + r).then().statusCode(200).body("status", equalTo("PENDING_REVIEW"))
                .body("headline", equalTo("New words"));
        problem(t.as().post("/api/v1/creatives/" + r + "/actions/resume"), 409);
        t.as().delete("/api/v1/creatives/" + r).then().statusCode(204);
        t.as().get("/api/v1/creatives?status=ARCHIVED").then().body("items.id", hasItem((int) r));
    }

    @Test
    void revokedKeyStopsWorkingAndSecretIsShownOnce() {
        Tenant t = newTenant("keys");
        Tenant spare = TestApi.newTenantKey(t);
        spare.as().get("/api/v1/campaigns").then().statusCode(200);
        t.as().get("/api/v1/api-keys").then().statusCode(200).body("items.prefix", hasItem(spare.prefix()))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\"key\"")));
        t.as().delete("/api/v1/api-keys/" + spare.prefix()).then().statusCode(204);
        problem(spare.as().get("/api/v1/campaigns"), 401);
        t.as().get("/api/v1/advertisers/me").then().statusCode(200).body("id", equalTo((int) t.id()));
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static void assertAdSetField(Tenant t, Map<String, Object> body, int status, String field) {
        problem(t.as().contentType(ContentType.JSON).body(body).post("/api/v1/ad-sets"), status)
                .body("errors.field", hasItem(field));
    }

    private static void assertCreativeField(Tenant t, Map<String, Object> body, int status, String field) {
        problem(t.as().contentType(ContentType.JSON).body(body).post("/api/v1/creatives"), status)
                .body("errors.field", hasItem(field));
    }
}
