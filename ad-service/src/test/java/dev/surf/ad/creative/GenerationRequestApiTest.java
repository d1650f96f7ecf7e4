package dev.surf.ad.creative;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.TestApi;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CreativeDeadLetter;
import dev.surf.events.v1.CreativeRequest;
import dev.surf.events.v1.CreativeResult;
import dev.surf.events.v1.CreativeVariant;
import dev.surf.events.v1.PolicyVerdict;
import dev.surf.events.v1.SamplingSettings;
import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * POST/GET /api/v1/campaigns/{id}/creative-requests with the real broker and PostgreSQL: what goes on
 * surf.creative.requests.v1, validation, tenancy, Idempotency-Key, and the outcomes that come back on
 * the results and dead-letter topics. (The real creative-gen answers in GenerationRequestAcrossServicesTest.)
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class GenerationRequestApiTest {
    @Inject
    AgroalDataSource ds;

    static Map<String, Object> brief(int count) {
        Map<String, Object> b = new HashMap<>();
        b.put("product", "single-origin coffee beans");
        b.put("offer", "free shipping");
        b.put("audience", "home baristas");
        b.put("tone", "friendly");
        b.put("language", "en");
        b.put("count", count);
        b.put("mustSay", List.of("fresh"));
        b.put("landingUrl", "https://beans.example.com/spring");
        b.put("seed", 7);
        return b;
    }

    private static String path(long campaign) {
        return "/api/v1/campaigns/" + campaign + "/creative-requests";
    }

    @Test
    void queuesTheRequestOnKafkaKeyedByCampaignAndAnswers202() throws Exception {
        var t = TestApi.newTenant("gen-api");
        long campaign = TestApi.createCampaign(t, "gen");
        var response = t.as().contentType(ContentType.JSON).body(brief(1)).post(path(campaign));
        response.then().statusCode(202).contentType(ContentType.JSON)
                .header("Location", containsString(path(campaign) + "/"))
                .body("status", equalTo("QUEUED")).body("count", equalTo(1)).body("campaignId", equalTo((int) campaign))
                .body("brief.product", equalTo("single-origin coffee beans"));
        String id = response.jsonPath().getString("id");

        CreativeRequest published = findOnTopic(id);
        assertEquals(String.valueOf(campaign), lastKey);
        assertEquals(t.id(), published.getAdvertiserId());
        assertEquals(campaign, published.getCampaignId());
        assertEquals(1, published.getCount());
        assertEquals(7, published.getSeed());
        assertEquals("https://beans.example.com/spring", published.getLandingUrl());
        assertEquals("single-origin coffee beans", published.getBrief().getProduct());
        assertEquals(List.of("fresh"), published.getBrief().getMustSayList());

        t.as().get(path(campaign) + "/" + id).then().statusCode(200).body("status", equalTo("QUEUED"));
        t.as().get(path(campaign)).then().statusCode(200).body("total", equalTo(1)).body("items.id", hasItem(id));
        t.as().get(path(campaign) + "?size=0").then().statusCode(400).contentType("application/problem+json");
        t.as().get(path(campaign) + "?sort=product").then().statusCode(400).contentType("application/problem+json");
    }

    private static String lastKey;

    private static CreativeRequest findOnTopic(String requestId) throws Exception {
        var cfg = KafkaSettings.consumer(SurfTestResource.broker().bootstrapServers(), "gen-api-test-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cfg)) {
            c.subscribe(List.of(Topics.CREATIVE_REQUESTS.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    CreativeRequest req = Topics.CREATIVE_REQUESTS.parse(r.value());
                    if (req.getRequestId().equals(requestId)) {
                        lastKey = r.key();
                        return req;
                    }
                }
            }
        }
        throw new AssertionError("request " + requestId + " was not published on " + Topics.CREATIVE_REQUESTS.name());
    }

    @Test
    void badBriefsAre422Or400ProblemsAndStoreNothing() throws Exception {
        var t = TestApi.newTenant("gen-bad");
        long campaign = TestApi.createCampaign(t, "gen");
        Map<String, Object> tooMany = brief(11);
        Map<String, Object> none = brief(0);
        Map<String, Object> noProduct = brief(1);
        noProduct.remove("product");
        Map<String, Object> http = brief(1);
        http.put("landingUrl", "http://beans.example.com");
        Map<String, Object> field = Map.of("count", 11, "landingUrl", "https://beans.example.com");
        for (var bad : List.of(Map.entry(tooMany, "count"), Map.entry(none, "count"), Map.entry(noProduct, "product"),
                Map.entry(http, "landingUrl"), Map.entry(field, "product"))) {
            t.as().contentType(ContentType.JSON).body(bad.getKey()).post(path(campaign)).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.getValue()));
        }
        t.as().contentType(ContentType.JSON).body("{\"product\":").post(path(campaign)).then().statusCode(400)
                .contentType("application/problem+json");
        t.as().contentType(ContentType.JSON).body("{\"product\":\"x\",\"count\":1,\"colour\":\"red\"}").post(path(campaign))
                .then().statusCode(400).contentType("application/problem+json");
        t.as().contentType(ContentType.JSON).body("{\"product\":\"x\",\"count\":\"three\"}").post(path(campaign))
                .then().statusCode(400).contentType("application/problem+json");
        t.as().contentType(ContentType.JSON).post(path(campaign)).then().statusCode(400).contentType("application/problem+json");
        t.as().contentType(ContentType.TEXT).body("coffee").post(path(campaign)).then().statusCode(415);
        t.as().contentType(ContentType.JSON).body(brief(1)).post("/api/v1/campaigns/abc/creative-requests").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0, count("select count(*) from creative_request where campaign_id = " + campaign));
    }

    @Test
    void anotherAdvertisersCampaignAndRequestsAre404() {
        var owner = TestApi.newTenant("gen-owner");
        var other = TestApi.newTenant("gen-other");
        long campaign = TestApi.createCampaign(owner, "gen");
        long othersCampaign = TestApi.createCampaign(other, "gen");
        String id = owner.as().contentType(ContentType.JSON).body(brief(1)).post(path(campaign)).then().statusCode(202)
                .extract().jsonPath().getString("id");
        other.as().contentType(ContentType.JSON).body(brief(1)).post(path(campaign)).then().statusCode(404)
                .contentType("application/problem+json");
        other.as().get(path(campaign)).then().statusCode(404).contentType("application/problem+json");
        other.as().get(path(campaign) + "/" + id).then().statusCode(404).contentType("application/problem+json");
        // Under the other advertiser's own campaign the id does not exist either.
        other.as().get(path(othersCampaign) + "/" + id).then().statusCode(404).contentType("application/problem+json");
        other.as().get(path(othersCampaign)).then().statusCode(200).body("total", equalTo(0));
        owner.as().get(path(campaign) + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        owner.as().get(path(campaign) + "/" + UUID.randomUUID()).then().statusCode(404);
        TestApi.admin().get(path(campaign)).then().statusCode(403);
        io.restassured.RestAssured.given().get(path(campaign)).then().statusCode(401);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndPublishesOnce() throws Exception {
        var t = TestApi.newTenant("gen-idem");
        long campaign = TestApi.createCampaign(t, "gen");
        String key = "gen-" + UUID.randomUUID();
        var first = t.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(brief(1)).post(path(campaign));
        first.then().statusCode(202);
        var again = t.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(brief(1)).post(path(campaign));
        again.then().statusCode(202).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        t.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(brief(2)).post(path(campaign))
                .then().statusCode(422).contentType("application/problem+json");
        t.as().header("Idempotency-Key", "has space").contentType(ContentType.JSON).body(brief(1)).post(path(campaign))
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(1, count("select count(*) from creative_request where campaign_id = " + campaign));
    }

    @Test
    void resultsCompleteAndDeadLettersFailTheRequest() throws Exception {
        var t = TestApi.newTenant("gen-outcomes");
        long campaign = TestApi.createCampaign(t, "gen");
        String done = t.as().contentType(ContentType.JSON).body(brief(2)).post(path(campaign)).then().statusCode(202)
                .extract().jsonPath().getString("id");
        String failed = t.as().contentType(ContentType.JSON).body(brief(1)).post(path(campaign)).then().statusCode(202)
                .extract().jsonPath().getString("id");
        CreativeVariant good = CreativeVariant.newBuilder().setHeadline("Fresh beans, every week")
                .setPrimaryText("Roasted to order and at your door in two days.").setCallToAction("SHOP_NOW")
                .setPolicy(PolicyVerdict.newBuilder().setPassed(true)).setPrompt("the prompt")
                .setSampling(SamplingSettings.newBuilder().setSeed(7).setTemperature(0.8f).setTopP(0.95f)).build();
        CreativeVariant blocked = good.toBuilder().setHeadline("MIRACLE CURE")
                .setPolicy(PolicyVerdict.newBuilder().setPassed(false).addReasons("banned term")).build();
        String marker = "marker-" + UUID.randomUUID();
        CreativeResult result = CreativeResult.newBuilder().setRequestId(done).setAdvertiserId(t.id()).setCampaignId(campaign)
                .setLandingUrl("https://beans.example.com/spring").setModel("llama.cpp:test").addVariants(good)
                .addRejected(blocked).build();
        CreativeDeadLetter dead = CreativeDeadLetter.newBuilder().setReason("llama.cpp crashed: out of memory").setAttempts(3)
                .setRequest(CreativeRequest.newBuilder().setRequestId(failed).setCampaignId(campaign)).build();
        try (var producer = new KafkaProducer<String, byte[]>(KafkaSettings.producer(
                SurfTestResource.broker().bootstrapServers(), "gen-outcomes-test"))) {
            String key = String.valueOf(campaign);
            producer.send(new ProducerRecord<>(Topics.CREATIVE_RESULTS.name(), key, result.toByteArray())).get();
            producer.send(new ProducerRecord<>(Topics.CREATIVE_DEAD_LETTER.name(), key, dead.toByteArray())).get();
            // Redeliveries change nothing; a late dead letter does not undo a completed request.
            producer.send(new ProducerRecord<>(Topics.CREATIVE_RESULTS.name(), key, result.toByteArray())).get();
            producer.send(new ProducerRecord<>(Topics.CREATIVE_DEAD_LETTER.name(), key,
                    dead.toBuilder().setRequest(dead.getRequest().toBuilder().setRequestId(done)).build().toByteArray())).get();
            // Markers behind them on the same partitions: once both are recorded, the redeliveries were read.
            producer.send(new ProducerRecord<>(Topics.CREATIVE_RESULTS.name(), key,
                    CreativeResult.newBuilder().setRequestId(marker + "-r").setLandingUrl("https://x.example.com").build().toByteArray())).get();
            producer.send(new ProducerRecord<>(Topics.CREATIVE_DEAD_LETTER.name(), key, dead.toBuilder()
                    .setRequest(dead.getRequest().toBuilder().setRequestId(marker + "-d")).build().toByteArray())).get();
        }
        JsonPath completed = awaitStatus(t, campaign, done, "COMPLETED");
        assertEquals(1, completed.getInt("draftsStored"));
        assertEquals(1, completed.getInt("rejected"));
        assertEquals("llama.cpp:test", completed.getString("model"));
        assertNotNull(completed.getString("finishedAt"));
        long draft = completed.getLong("draftIds[0]");
        JsonPath creative = t.as().get("/api/v1/creatives/" + draft).then().statusCode(200).extract().jsonPath();
        assertEquals("GENERATED", creative.getString("source"));
        assertEquals("DRAFT", creative.getString("status"));
        assertEquals(done, creative.getString("generationRequest"));
        assertEquals("llama.cpp:test", creative.getString("generator.model"));
        assertEquals("the prompt", creative.getString("generator.prompt"));

        JsonPath dl = awaitStatus(t, campaign, failed, "FAILED");
        assertEquals("llama.cpp crashed: out of memory", dl.getString("failureReason"));
        assertEquals(3, dl.getInt("attempts"));
        assertNull(dl.get("draftIds"));
        // The list shows both, newest first.
        t.as().get(path(campaign)).then().statusCode(200).body("items.id", equalTo(List.of(failed, done)))
                .body("items.status", equalTo(List.of("FAILED", "COMPLETED")));
        // After the redeliveries have been read, the request is still COMPLETED, with its one draft.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count("select count(*) from creative_request_outcome where request_id like '" + marker + "%'") < 2) {
            assertTrue(System.nanoTime() < deadline, "markers not recorded");
            Thread.sleep(100);
        }
        assertEquals(1, count("select count(*) from creative where generation_request = '" + done + "'"));
        assertEquals("COMPLETED", t.as().get(path(campaign) + "/" + done).jsonPath().getString("status"));
    }

    static JsonPath awaitStatus(TestApi.Tenant t, long campaign, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = t.as().get(path(campaign) + "/" + id).then().statusCode(200).extract().jsonPath();
            if (!"QUEUED".equals(last.getString("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        JsonPath seen = last;
        assertNotNull(seen);
        assertEquals(status, seen.getString("status"), () -> "request " + id + ": " + seen.prettify());
        return seen;
    }

    @Test
    void aBrokerThatDoesNotAcknowledgeIsA503AndLeavesNothingQueued() throws Exception {
        var t = TestApi.newTenant("gen-down");
        long campaign = TestApi.createCampaign(t, "gen");
        // The real publisher class, pointed at a port where no broker listens: the broker is "down".
        var down = new GenerationRequestPublisher("127.0.0.1:1", Duration.ofSeconds(1));
        QuarkusMock.installMockForType(down, GenerationRequestPublisher.class);
        String key = "down-" + UUID.randomUUID();
        try {
            t.as().header("Idempotency-Key", key).contentType(ContentType.JSON).body(brief(1)).post(path(campaign))
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("title", equalTo("Generation queue unavailable")).body("detail", containsString("nothing was stored"));
        } finally {
            down.stop(null);
        }
        // Rolled back: no request row left QUEUED, and the key is free for the retry.
        assertEquals(0, count("select count(*) from creative_request where campaign_id = " + campaign));
        assertEquals(0, count("select count(*) from idempotency_key where idem_key = '" + key + "'"));
        t.as().get(path(campaign)).then().statusCode(200).body("total", equalTo(0));
    }

    private int count(String sql) throws Exception {
        try (var c = ds.getConnection(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
