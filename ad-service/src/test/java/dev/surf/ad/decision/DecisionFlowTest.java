package dev.surf.ad.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.events.EventIds;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CampaignChanged;
import dev.surf.events.v1.ChangeKind;
import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The decision path end to end: real PostgreSQL, real broker, real gRPC ranker, real HTTP. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
public class DecisionFlowTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    IndexRefresher refresher;
    @Inject
    FrequencyStore frequency;

    public static String decisionBody(String placement, String user, String country, int age, String interests, int n) {
        return """
                {"placement": "%s", "user": {"id": "%s", "country": "%s", "age": %d, "gender": "female",
                 "interests": [%s]}, "context": {"url": "https://news.example/a", "keywords": ["shoes"], "device": "mobile"},
                 "n": %d}""".formatted(placement, user, country, age, interests, n);
    }

    static JsonPath decide(String body) {
        return given().contentType("application/json").body(body).post("/v1/decisions")
                .then().statusCode(200).extract().jsonPath();
    }

    static String local(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + "?" + u.getRawQuery();
    }

    public static void await(String what, BooleanSupplier ok) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!ok.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void targetingSelectsAndModelScores() throws Exception {
        RankerFixture.get().mode(RankerFixture.Mode.NORMAL);
        TestCampaigns t = new TestCampaigns(ds);
        var us = t.create("flow-us", "CPC", 1_000_000, 100_000_000, "p-flow", "countries = array['US'], interests = array['running']");
        var de = t.create("flow-de", "CPM", 5_000_000, 100_000_000, "p-flow", "countries = array['DE']");
        var older = t.create("flow-30s", "CPM", 50_000_000, 100_000_000, "p-flow", "age_min = 30, age_max = 40");
        var night = t.create("flow-night", "CPM", 60_000_000, 100_000_000, "p-flow",
                "dayparting = array[" + (java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getDayOfWeek().getValue() * 24 % 168) + "]");
        var desktop = t.create("flow-desk", "CPM", 70_000_000, 100_000_000, "p-flow", "devices = array['desktop']");
        refresher.rebuild();

        JsonPath r = decide(decisionBody("p-flow", "u-us", "us", 25, "\"Running\"", 5));
        List<Integer> campaigns = r.getList("ads.campaignId", Integer.class);
        assertEquals(List.of((int) us.campaignId()), campaigns, "only the US running campaign matches");
        assertEquals("model", r.getString("scoring"));
        assertEquals(RankerFixture.ctr(us.creativeId()), r.getDouble("ads[0].pCtr"), 1e-9);
        assertTrue(r.getString("ads[0].tracking.impressionUrl").contains("/t/imp?t="));

        JsonPath r2 = decide(decisionBody("p-flow", "u-de", "DE", 35, "", 5));
        List<Integer> c2 = r2.getList("ads.campaignId", Integer.class);
        assertEquals(List.of((int) older.campaignId(), (int) de.campaignId()), c2, "30s campaign outbids DE; others filtered");
        assertTrue(!c2.contains((int) night.campaignId()) && !c2.contains((int) desktop.campaignId()));
    }

    @Test
    void trackingRecordsEachEventOnceAndRejectsForgeries() throws Exception {
        RankerFixture.get().mode(RankerFixture.Mode.NORMAL);
        TestCampaigns t = new TestCampaigns(ds);
        var c = t.create("track", "CPC", 2_000_000, 100_000_000, "p-track", "");
        refresher.rebuild();
        JsonPath r = decide(decisionBody("p-track", "u-track", "US", 30, "", 1));
        long charge = r.getLong("ads[0].chargeMicros");
        String imp = local(r.getString("ads[0].tracking.impressionUrl"));
        String click = local(r.getString("ads[0].tracking.clickUrl"));

        given().get(imp).then().statusCode(200).contentType("image/gif");
        given().get(imp).then().statusCode(200); // a repeated beacon: same event id
        // The token found after another parameter, and percent-encoded: still the same event.
        String impToken = imp.substring(imp.indexOf("t=") + 2);
        given().urlEncodingEnabled(false).get("/t/imp?cb=1&t=" + impToken.replace("-", "%2D").replace("_", "%5F").replace(".", "%2E"))
                .then().statusCode(200).contentType("image/gif");
        Response clicked = given().redirects().follow(false).get(click);
        clicked.then().statusCode(302).header("Location", startsWith("https://shop.example/track?surf_cv="));
        String cv = clicked.getHeader("Location").substring(clicked.getHeader("Location").indexOf("surf_cv=") + 8);
        given().contentType("application/json").body("{\"token\": \"" + cv + "\", \"valueMicros\": 5000000}")
                .post("/t/conv").then().statusCode(202).body("eventId", equalTo(
                        EventIds.derived(r.getString("decisionId"), "CONVERSION", Long.toString(c.creativeId()))));
        given().get("/t/conv?t=" + cv + "&value=5000000").then().statusCode(200); // pixel repeat of the same conversion

        // Forged, altered, wrong kind, garbage: refused, never published.
        String token = imp.substring(imp.indexOf("t=") + 2);
        String altered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        given().get("/t/imp?t=" + altered).then().statusCode(403).contentType(containsString("problem+json"));
        given().get("/t/click?t=" + token).then().statusCode(403);
        given().get("/t/imp?t=not-a-token").then().statusCode(400);
        given().get("/t/imp").then().statusCode(400);
        given().contentType("application/json").body("{oops").post("/t/conv").then().statusCode(400);
        given().contentType("application/json").body("").post("/t/conv").then().statusCode(400);
        given().contentType("text/plain").body("{\"token\": \"" + cv + "\"}").post("/t/conv").then().statusCode(415)
                .contentType(containsString("problem+json"));
        given().contentType("application/json").body("{\"token\": \"" + "x".repeat(20_000) + "\"}").post("/t/conv")
                .then().statusCode(413);
        given().get("/t/conv?t=" + cv + "&value=lots").then().statusCode(400).contentType(containsString("problem+json"));
        given().get("/t/conv?t=" + cv + "&value=-5").then().statusCode(400);

        String stats = "select coalesce(sum(impressions),0) || ',' || coalesce(sum(clicks),0) || ',' || coalesce(sum(conversions),0)"
                + " || ',' || coalesce(sum(spend_micros),0) || ',' || coalesce(sum(conversion_value_micros),0)"
                + " from ad.stats_hourly where creative_id = " + c.creativeId();
        await("stats of the tracked ad", () -> query(t, stats).equals("1,1,1," + charge + ",5000000"));
        assertEquals(charge, t.queryLong("select spend_micros from ad.campaign_spend_daily where campaign_id = " + c.campaignId()));
        given().get("/q/metrics").then().body(containsString("surf_tracking_rejected_total{reason=\"bad_signature\"}"))
                .body(containsString("surf_tracking_rejected_total{reason=\"wrong_kind\"}"));
        assertEquals(1, frequency.count("u-track", c.adSetId(), 24, System.currentTimeMillis()));
    }

    @Test
    void frequencyCapStopsAnAdAfterItsImpressions() throws Exception {
        TestCampaigns t = new TestCampaigns(ds);
        var c = t.create("capped", "CPM", 3_000_000, 100_000_000, "p-cap", "frequency_cap = 2, frequency_period = 'DAY'");
        refresher.rebuild();
        for (int i = 0; i < 2; i++) {
            JsonPath r = decide(decisionBody("p-cap", "u-cap", "US", 30, "", 1));
            assertEquals(c.campaignId(), r.getLong("ads[0].campaignId"));
            given().get(local(r.getString("ads[0].tracking.impressionUrl"))).then().statusCode(200);
        }
        await("two impressions counted", () -> frequency.count("u-cap", c.adSetId(), 24, System.currentTimeMillis()) == 2);
        assertEquals(0, decide(decisionBody("p-cap", "u-cap", "US", 30, "", 1)).getList("ads").size());
        assertEquals(1, decide(decisionBody("p-cap", "u-other", "US", 30, "", 1)).getList("ads").size());
        assertEquals(2, t.queryLong("select sum(impressions) from ad.frequency_hourly where user_id = 'u-cap'"),
                "persisted, so a restart reloads it");
    }

    @Test
    void campaignChangesApplyWithoutRebuild() throws Exception {
        TestCampaigns t = new TestCampaigns(ds);
        var c = t.create("changing", "CPM", 3_000_000, 100_000_000, "p-change", "");
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(KafkaSettings.producer(
                SurfTestResource.broker().bootstrapServers(), "test-changes"))) {
            publish(p, c, ChangeKind.CREATED);
            await("new campaign served", () -> ads("p-change") == 1);
            t.exec("update ad.campaign set status = 'PAUSED' where id = " + c.campaignId());
            publish(p, c, ChangeKind.STATUS_CHANGED);
            await("paused campaign gone", () -> ads("p-change") == 0);
        }
    }

    @Test
    void malformedDecisionRequestsAre400ProblemJson() {
        for (String bad : List.of("", "{", "[]", "{\"placement\": \"x\"}", "{\"user\": {\"id\": \"u\"}}",
                decisionBody("p", "u", "US", 30, "", 0), decisionBody("p", "u", "US", 30, "", 11),
                decisionBody("p", "u", "US", -4, "", 1),
                "{\"placement\": \"p\", \"user\": {\"id\": \"u\", \"age\": \"old\"}}",
                "{\"placement\": \"p\", \"user\": {\"id\": \"u\", \"interests\": \"x\"}}",
                "{\"placement\": \"" + "p".repeat(600) + "\", \"user\": {\"id\": \"u\"}}")) {
            given().contentType("application/json").body(bad).post("/v1/decisions").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("status", equalTo(400));
        }
    }

    private static int ads(String placement) {
        return decide(decisionBody(placement, "u-change", "US", 30, "", 1)).getList("ads").size();
    }

    private static void publish(KafkaProducer<String, byte[]> p, TestCampaigns.Created c, ChangeKind kind) throws Exception {
        CampaignChanged ev = CampaignChanged.newBuilder().setEventId(EventIds.random()).setTimeMs(System.currentTimeMillis())
                .setAdvertiserId(c.advertiserId()).setCampaignId(c.campaignId()).setKind(kind).setEntity("campaign")
                .setEntityId(c.campaignId()).build();
        p.send(new ProducerRecord<>(Topics.CAMPAIGN_CHANGES.name(), Long.toString(c.advertiserId()), ev.toByteArray())).get();
    }

    private static String query(TestCampaigns t, String sql) {
        try {
            return t.queryString(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
