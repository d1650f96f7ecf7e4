package dev.surf.ad.campaign;

import static dev.surf.ad.TestApi.createAdSet;
import static dev.surf.ad.TestApi.createCampaign;
import static dev.surf.ad.TestApi.createCreative;
import static dev.surf.ad.TestApi.newTenant;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.ad.TestApi;
import dev.surf.ad.TestApi.Tenant;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * For every endpoint: advertiser A's key on advertiser B's objects is a 404 problem and changes
 * nothing; no key, a malformed key, an unknown key, a revoked key and a suspended advertiser's key
 * are 401 problems; an advertiser key on an internal endpoint is 403. The matrix is checked to
 * cover every /api/v1 operation of the OpenAPI document.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class TenancyMatrixTest {

    record Call(String method, String template, String path, String body) {
        io.restassured.response.Response send(RequestSpecification spec) {
            RequestSpecification s = spec.header("If-Match", "\"0\"");
            if (body != null) {
                s = s.contentType("application/json").body(body);
            }
            return s.request(method, path);
        }

        String operation() {
            return method + " " + template;
        }
    }

    @Test
    void everyEndpointIsScopedAndAuthenticated() throws Exception {
        Tenant a = newTenant("tenant-a");
        Tenant b = newTenant("tenant-b");
        long aCampaign = createCampaign(a, "a's");
        long c = createCampaign(b, "b's");
        long s = createAdSet(b, c);
        long r = createCreative(b, c);
        // B's creative pending review, so review actions have something to act on.
        b.as().post("/api/v1/creatives/" + r + "/actions/submit").then().statusCode(200);
        Tenant bSpare = TestApi.newTenantKey(b);
        String briefBody = "{\"product\":\"trail shoes\",\"count\":1,\"landingUrl\":\"https://shoes.example.com\"}";
        String bRequest = b.as().contentType("application/json").body(briefBody)
                .post("/api/v1/campaigns/" + c + "/creative-requests").then().statusCode(202).extract().jsonPath().getString("id");

        String adSetBody = "{\"campaignId\":" + c + ",\"name\":\"hijack\"}";
        String creativeBody = new ObjectMapper().writeValueAsString(TestApi.creativeBody(c));
        String creativeOnBsAdSet = new ObjectMapper().writeValueAsString(
                withAdSet(TestApi.creativeBody(aCampaign), s));
        List<Call> onB = List.of(
                call("GET", "/api/v1/campaigns/{id}", c, null),
                call("PATCH", "/api/v1/campaigns/{id}", c, "{\"name\":\"hijack\"}"),
                call("POST", "/api/v1/campaigns/{id}/actions/activate", c, null),
                call("POST", "/api/v1/campaigns/{id}/actions/pause", c, null),
                call("POST", "/api/v1/campaigns/{id}/actions/archive", c, null),
                call("DELETE", "/api/v1/campaigns/{id}", c, null),
                new Call("POST", "/api/v1/ad-sets", "/api/v1/ad-sets", adSetBody),
                call("GET", "/api/v1/ad-sets/{id}", s, null),
                call("PATCH", "/api/v1/ad-sets/{id}", s, "{\"name\":\"hijack\"}"),
                call("POST", "/api/v1/ad-sets/{id}/actions/activate", s, null),
                call("POST", "/api/v1/ad-sets/{id}/actions/pause", s, null),
                call("POST", "/api/v1/ad-sets/{id}/actions/archive", s, null),
                call("DELETE", "/api/v1/ad-sets/{id}", s, null),
                new Call("POST", "/api/v1/creatives", "/api/v1/creatives", creativeBody),
                new Call("POST", "/api/v1/creatives", "/api/v1/creatives", creativeOnBsAdSet),
                call("GET", "/api/v1/creatives/{id}", r, null),
                call("PATCH", "/api/v1/creatives/{id}", r, "{\"headline\":\"hijack\"}"),
                call("POST", "/api/v1/creatives/{id}/actions/submit", r, null),
                call("POST", "/api/v1/creatives/{id}/actions/pause", r, null),
                call("POST", "/api/v1/creatives/{id}/actions/resume", r, null),
                call("POST", "/api/v1/creatives/{id}/actions/archive", r, null),
                call("DELETE", "/api/v1/creatives/{id}", r, null),
                new Call("POST", "/api/v1/api-keys/{prefix}/actions/revoke",
                        "/api/v1/api-keys/" + bSpare.prefix() + "/actions/revoke", null),
                new Call("DELETE", "/api/v1/api-keys/{prefix}", "/api/v1/api-keys/" + bSpare.prefix(), null),
                new Call("GET", "/api/v1/campaigns/{campaignId}/performance",
                        "/api/v1/campaigns/" + c + "/performance", null),
                new Call("GET", "/api/v1/campaigns/{campaignId}/performance/export",
                        "/api/v1/campaigns/" + c + "/performance/export", null),
                new Call("POST", "/api/v1/campaigns/{campaignId}/studio/generations",
                        "/api/v1/campaigns/" + c + "/studio/generations", "{\"product\":\"trail shoes\",\"count\":1}"),
                new Call("POST", "/api/v1/campaigns/{campaignId}/creative-requests",
                        "/api/v1/campaigns/" + c + "/creative-requests", briefBody),
                new Call("GET", "/api/v1/campaigns/{campaignId}/creative-requests",
                        "/api/v1/campaigns/" + c + "/creative-requests", null),
                new Call("GET", "/api/v1/campaigns/{campaignId}/creative-requests/{requestId}",
                        "/api/v1/campaigns/" + c + "/creative-requests/" + bRequest, null));
        List<Call> lists = List.of(
                new Call("GET", "/api/v1/campaigns", "/api/v1/campaigns?size=200", null),
                new Call("GET", "/api/v1/ad-sets", "/api/v1/ad-sets?campaignId=" + c, null),
                new Call("GET", "/api/v1/creatives", "/api/v1/creatives?campaignId=" + c, null),
                new Call("GET", "/api/v1/audit", "/api/v1/audit?entity=campaign&entityId=" + c, null),
                new Call("GET", "/api/v1/api-keys", "/api/v1/api-keys", null),
                new Call("GET", "/api/v1/advertisers/me", "/api/v1/advertisers/me", null),
                new Call("GET", "/api/v1/performance/summary", "/api/v1/performance/summary", null),
                new Call("GET", "/api/v1/session", "/api/v1/session", null),
                new Call("GET", "/api/v1/creative-rules", "/api/v1/creative-rules", null));
        List<Call> creates = List.of(
                new Call("POST", "/api/v1/campaigns", "/api/v1/campaigns",
                        new ObjectMapper().writeValueAsString(TestApi.campaignBody("x"))),
                new Call("POST", "/api/v1/api-keys", "/api/v1/api-keys", "{\"name\":\"k\"}"));
        List<Call> internal = List.of(
                new Call("POST", "/api/v1/advertisers", "/api/v1/advertisers", "{\"name\":\"n\"}"),
                new Call("GET", "/api/v1/advertisers", "/api/v1/advertisers", null),
                call("GET", "/api/v1/advertisers/{id}", b.id(), null),
                call("POST", "/api/v1/advertisers/{id}/actions/suspend", b.id(), null),
                call("POST", "/api/v1/advertisers/{id}/actions/activate", b.id(), null),
                call("POST", "/api/v1/advertisers/{id}/api-keys", b.id(), "{\"name\":\"k\"}"),
                call("POST", "/api/v1/creatives/{id}/actions/approve", r, null),
                call("POST", "/api/v1/creatives/{id}/actions/reject", r, null),
                // The A/B console's API is internal only.
                new Call("GET", "/api/v1/experiments", "/api/v1/experiments", null),
                new Call("POST", "/api/v1/experiments", "/api/v1/experiments", "{\"name\":\"x\"}"),
                call("GET", "/api/v1/experiments/{id}", 1, null),
                call("PUT", "/api/v1/experiments/{id}", 1, "{\"name\":\"x\"}"),
                call("DELETE", "/api/v1/experiments/{id}", 1, null),
                call("POST", "/api/v1/experiments/{id}/start", 1, null),
                call("POST", "/api/v1/experiments/{id}/stop", 1, null),
                call("POST", "/api/v1/experiments/{id}/decisions", 1, "{\"decision\":\"SHIP\"}"),
                call("GET", "/api/v1/experiments/{id}/results", 1, null));

        String before = snapshot(b, c, s, r);
        int cases = 0;
        for (Call call : onB) {
            CampaignApiTest.problem(call.send(a.as()), 404);
            assertEquals(before, snapshot(b, c, s, r), "B's objects changed by A's " + call.operation());
            cases++;
        }
        bSpare.as().get("/api/v1/campaigns").then().statusCode(200);
        for (Call call : lists) {
            String body = call.send(a.as()).then().statusCode(200).extract().asString();
            JsonNode json = new ObjectMapper().readTree(body);
            assertFalse(mentions(json, b.id(), c, s, r), call.operation() + " leaked B's data: " + body);
            cases++;
        }
        for (Call call : internal) {
            CampaignApiTest.problem(call.send(a.as()), 403);
            cases++;
        }
        assertEquals(before, snapshot(b, c, s, r));

        // Credentials that must not authenticate, on every operation.
        Tenant revoked = TestApi.newTenantKey(a);
        revoked.as().post("/api/v1/api-keys/" + revoked.prefix() + "/actions/revoke").then().statusCode(200);
        Tenant suspended = newTenant("suspended");
        TestApi.admin().post("/api/v1/advertisers/" + suspended.id() + "/actions/suspend").then().statusCode(200);
        Map<String, Supplier<RequestSpecification>> badCredentials = Map.of(
                "no key", () -> given(),
                "malformed key", () -> given().header("Authorization", "Bearer not-a-key"),
                "unknown key", () -> given().header("X-Api-Key", "surf_abcdefghijkl_" + "Q".repeat(43)),
                "revoked key", revoked::as,
                "suspended advertiser", suspended::as,
                "basic auth", () -> given().auth().preemptive().basic("admin", TestApi.ADMIN_KEY));
        List<Call> all = new ArrayList<>();
        all.addAll(onB);
        all.addAll(lists);
        all.addAll(creates);
        all.addAll(internal);
        for (Call call : all) {
            for (var cred : badCredentials.entrySet()) {
                var response = call.send(cred.getValue().get());
                assertEquals(401, response.statusCode(), cred.getKey() + " on " + call.operation());
                CampaignApiTest.problem(response, 401);
                cases++;
            }
        }
        assertEquals(before, snapshot(b, c, s, r));

        Set<String> covered = new TreeSet<>();
        all.forEach(x -> covered.add(x.operation()));
        Set<String> documented = documentedOperations();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "operations without a tenancy case: " + missing);
        System.out.printf("tenancy matrix: %d cases over %d operations, all as expected%n", cases, covered.size());
    }

    private static Map<String, Object> withAdSet(Map<String, Object> body, long adSetId) {
        Map<String, Object> m = new java.util.HashMap<>(body);
        m.put("adSetId", adSetId);
        return m;
    }

    private static Call call(String method, String template, long id, String body) {
        return new Call(method, template, template.replace("{id}", String.valueOf(id)), body);
    }

    /** What B sees of its objects, its key list and its audit trail. */
    private static String snapshot(Tenant b, long c, long s, long r) {
        return b.as().get("/api/v1/campaigns/" + c).then().statusCode(200).extract().asString()
                + b.as().get("/api/v1/ad-sets/" + s).then().statusCode(200).extract().asString()
                + b.as().get("/api/v1/creatives/" + r).then().statusCode(200).extract().asString()
                + b.as().get("/api/v1/api-keys").then().statusCode(200).extract().jsonPath().getList("items.revokedAt")
                + b.as().get("/api/v1/audit?size=1&sort=-id").then().statusCode(200).extract().jsonPath().getLong("total")
                + b.as().get("/api/v1/campaigns").then().statusCode(200).extract().jsonPath().getLong("total")
                + b.as().get("/api/v1/ad-sets").then().statusCode(200).extract().jsonPath().getLong("total")
                + b.as().get("/api/v1/creatives").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static boolean mentions(JsonNode json, long advertiser, long c, long s, long r) {
        JsonNode items = json.has("items") ? json.get("items") : json;
        Iterable<JsonNode> nodes = items.isArray() ? items : List.of(items);
        for (JsonNode n : nodes) {
            if (n.path("advertiserId").asLong(-1) == advertiser) {
                return true;
            }
        }
        return false;
    }

    static Set<String> documentedOperations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Set<String> ops = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            var path = it.next();
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(m)) {
                    ops.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return ops;
    }
}
