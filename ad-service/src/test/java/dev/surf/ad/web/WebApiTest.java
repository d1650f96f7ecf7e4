package dev.surf.ad.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The server side of the pages through HTTP and the real database: performance reports, CSV, the
 * list summary, the session probe, creative rules and the studio relay, with tenancy and bad input.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class WebApiTest {
    @Inject
    DataSource dataSource;

    private long campaign(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"name\":\"Perf\",\"objective\":\"CLICKS\",\"dailyBudgetMicros\":50000000,\"bidStrategy\":\"CPC\","
                        + "\"bidAmountMicros\":500000,\"timeZone\":\"Europe/Berlin\"}")
                .post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void stats(long campaignId, long advertiserId, Instant hour, long impressions, long clicks) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into stats_hourly (campaign_id, advertiser_id, hour, impressions, clicks, spend_micros) values (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, advertiserId);
            ps.setTimestamp(3, Timestamp.from(hour));
            ps.setLong(4, impressions);
            ps.setLong(5, clicks);
            ps.setLong(6, clicks * 500_000);
            ps.executeUpdate();
        }
    }

    @Test
    void performanceByDayInTheCampaignZoneByHourAndAsCsv() throws SQLException {
        TestAccounts.Account a = TestAccounts.advertiser("Perf A");
        long id = campaign(a.key());
        // 23:00 UTC on Nov 2 is already Nov 3 in Berlin (UTC+1): the day buckets follow the campaign's zone.
        stats(id, a.advertiserId(), Instant.parse("2026-11-02T23:00:00Z"), 100, 5);
        stats(id, a.advertiserId(), Instant.parse("2026-11-02T10:00:00Z"), 40, 1);
        stats(id, a.advertiserId(), Instant.parse("2026-11-03T10:00:00Z"), 60, 2);

        given().auth().oauth2(a.key()).queryParam("granularity", "day")
                .queryParam("from", "2026-11-01T23:00:00Z").queryParam("to", "2026-11-04T23:00:00Z")
                .get("/api/v1/campaigns/" + id + "/performance").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("series", hasSize(3))
                .body("series[1].bucket", equalTo("2026-11-02T23:00:00Z"))
                .body("series[0].impressions", equalTo(40))
                .body("series[1].impressions", equalTo(160))
                .body("series[2].impressions", equalTo(0))
                .body("totals.impressions", equalTo(200)).body("totals.clicks", equalTo(8))
                .body("totals.spendMicros", equalTo(4_000_000))
                .body("byCreative[0].creativeId", equalTo(0)).body("byAdSet[0].impressions", equalTo(200));

        given().auth().oauth2(a.key()).queryParam("granularity", "hour")
                .queryParam("from", "2026-11-02T09:00:00Z").queryParam("to", "2026-11-02T12:00:00Z")
                .get("/api/v1/campaigns/" + id + "/performance").then().statusCode(200)
                .body("series", hasSize(3)).body("series[1].bucket", equalTo("2026-11-02T10:00:00Z"))
                .body("series[1].clicks", equalTo(1)).body("totals.impressions", equalTo(40));

        given().auth().oauth2(a.key()).queryParam("granularity", "day")
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-11-05T00:00:00Z")
                .get("/api/v1/campaigns/" + id + "/performance/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("attachment"))
                .body(startsWith("bucket_start,ad_set_id,ad_set_name,creative_id,creative_headline,impressions,clicks,ctr"))
                .body(containsString("2026-11-02T23:00:00Z,0,,0,,160,7,0.043750,0,3.5,0"));

        given().auth().oauth2(a.key()).queryParam("campaignId", id).queryParam("campaignId", 999_999)
                .get("/api/v1/performance/summary").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].campaignId", equalTo((int) id)).body("items[0].impressions", equalTo(200));
    }

    @Test
    void anotherAdvertiserGets404AndSeesNothing() throws SQLException {
        TestAccounts.Account a = TestAccounts.advertiser("Owner");
        TestAccounts.Account b = TestAccounts.advertiser("Other");
        long id = campaign(a.key());
        stats(id, a.advertiserId(), Instant.now().truncatedTo(ChronoUnit.HOURS), 10, 1);
        given().auth().oauth2(b.key()).get("/api/v1/campaigns/" + id + "/performance").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(b.key()).get("/api/v1/campaigns/" + id + "/performance/export").then().statusCode(404);
        given().auth().oauth2(b.key()).queryParam("campaignId", id).get("/api/v1/performance/summary").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(b.key()).contentType(ContentType.JSON)
                .body("{\"product\":\"Shoes\",\"count\":2,\"landingUrl\":\"https://shop.example.com\"}")
                .post("/api/v1/campaigns/" + id + "/studio/generations").then().statusCode(404);
        given().get("/api/v1/campaigns/" + id + "/performance").then().statusCode(401);
        given().auth().oauth2(TestAccounts.adminKey()).get("/api/v1/campaigns/" + id + "/performance").then().statusCode(403);
    }

    @Test
    void badQueriesAreProblems() {
        TestAccounts.Account a = TestAccounts.advertiser("Bad input");
        long id = campaign(a.key());
        String path = "/api/v1/campaigns/" + id + "/performance";
        given().auth().oauth2(a.key()).queryParam("granularity", "week").get(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("granularity"));
        given().auth().oauth2(a.key()).queryParam("from", "yesterday").get(path).then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().auth().oauth2(a.key()).queryParam("from", "2026-11-05T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get(path).then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(a.key()).queryParam("granularity", "hour").queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-11-01T00:00:00Z").get(path).then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(a.key()).get("/api/v1/campaigns/abc/performance").then().statusCode(404);
        given().auth().oauth2(a.key()).queryParam("campaignId", "x1").get("/api/v1/performance/summary").then().statusCode(400);
    }

    @Test
    void sessionTellsTheRoleAndRulesAreShared() {
        TestAccounts.Account a = TestAccounts.advertiser("Session");
        given().auth().oauth2(a.key()).get("/api/v1/session").then().statusCode(200)
                .body("role", equalTo("advertiser")).body("advertiserId", equalTo((int) a.advertiserId()))
                .body("keyPrefix", equalTo(a.key().substring(0, 17)));
        given().auth().oauth2(TestAccounts.adminKey()).get("/api/v1/session").then().statusCode(200)
                .body("role", equalTo("internal"));
        given().get("/api/v1/session").then().statusCode(401);
        given().get("/api/v1/creative-rules").then().statusCode(401);
        given().auth().oauth2(TestAccounts.adminKey()).get("/api/v1/creative-rules").then().statusCode(200)
                .body("headlineMax", equalTo(40))
                .body("callsToAction", hasItem("SHOP_NOW"));
        given().redirects().follow(false).get("/console").then().statusCode(308).header("Location", "console/");
        given().get("/console/").then().statusCode(200).body(containsString("A/B console"));
        given().get("/").then().statusCode(200).body(containsString("assets/js/portal.js"));
    }

    @Test
    void studioChecksTheBriefThenReportsAnUnreachableGenerator() {
        TestAccounts.Account a = TestAccounts.advertiser("Studio");
        long id = campaign(a.key());
        String path = "/api/v1/campaigns/" + id + "/studio/generations";
        given().auth().oauth2(a.key()).contentType(ContentType.JSON)
                .body("{\"product\":\"\",\"count\":50,\"landingUrl\":\"http://plain.example.com\"}")
                .post(path).then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("product")).body("errors.field", hasItem("count"))
                .body("errors.field", hasItem("landingUrl"));
        given().auth().oauth2(a.key()).contentType(ContentType.JSON).body("{\"product\":")
                .post(path).then().statusCode(400);
        // The test profile points creative-gen at a closed port: a clear 503, never a 500 or a hung stream.
        given().auth().oauth2(a.key()).contentType(ContentType.JSON)
                .body("{\"product\":\"Trail shoes\",\"count\":2,\"landingUrl\":\"https://shop.example.com/spring\"}")
                .post(path).then().statusCode(503).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Creative generator unavailable"));
    }
}
