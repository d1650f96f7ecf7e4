package dev.surf.ad;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Test helpers: advertisers and keys created through the real API with the %test admin key. */
public final class TestApi {
    public static final String ADMIN_KEY = "test-admin-key-not-secret";

    private TestApi() {
    }

    public record Tenant(long id, String key, String prefix) {
        public RequestSpecification as() {
            return given().header("Authorization", "Bearer " + key);
        }
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY);
    }

    public static Tenant newTenant(String name) {
        long id = admin().contentType(ContentType.JSON).body(Map.of("name", name + " " + UUID.randomUUID()))
                .post("/api/v1/advertisers").then().statusCode(201).extract().jsonPath().getLong("id");
        var key = admin().contentType(ContentType.JSON).body(Map.of("name", "test"))
                .post("/api/v1/advertisers/" + id + "/api-keys").then().statusCode(201).extract().jsonPath();
        return new Tenant(id, key.getString("key"), key.getString("prefix"));
    }

    /** A second key of the same advertiser, created by the advertiser itself. */
    public static Tenant newTenantKey(Tenant t) {
        var key = t.as().contentType(ContentType.JSON).body(Map.of("name", "spare")).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath();
        return new Tenant(t.id(), key.getString("key"), key.getString("prefix"));
    }

    public static Map<String, Object> campaignBody(String name) {
        return Map.of("name", name, "objective", "CLICKS", "dailyBudgetMicros", 50_000_000L,
                "bidStrategy", "CPC", "bidAmountMicros", 750_000L, "timeZone", "Europe/Berlin");
    }

    public static long createCampaign(Tenant t, String name) {
        return t.as().contentType(ContentType.JSON).body(campaignBody(name)).post("/api/v1/campaigns")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createAdSet(Tenant t, long campaignId) {
        return t.as().contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaignId, "name", "set", "countries", java.util.List.of("DE"),
                        "ageMin", 25, "ageMax", 44, "interests", java.util.List.of("running")))
                .post("/api/v1/ad-sets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> creativeBody(long campaignId) {
        return Map.of("campaignId", campaignId, "headline", "Run lighter this spring",
                "primaryText", "Trail shoes that weigh less than your water bottle.", "description", "Free returns",
                "callToAction", "SHOP_NOW", "landingUrl", "https://shop.example.com/spring");
    }

    public static long createCreative(Tenant t, long campaignId) {
        return t.as().contentType(ContentType.JSON).body(creativeBody(campaignId)).post("/api/v1/creatives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
