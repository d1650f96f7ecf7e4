package dev.surf.ad.creative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.ad.TestApi;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CreativeResult;
import dev.surf.events.v1.CreativeVariant;
import dev.surf.events.v1.SamplingSettings;
import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** creative-gen's results arrive through the real broker and become drafts exactly once. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class GeneratedDraftConsumerTest {
    @Inject
    AgroalDataSource ds;

    @Test
    void resultsBecomeDraftsOnceAndOnlyForTheOwner() throws Exception {
        var owner = TestApi.newTenant("drafts-owner");
        var other = TestApi.newTenant("drafts-other");
        long campaign = TestApi.createCampaign(owner, "generated");
        String requestId = UUID.randomUUID().toString();
        CreativeVariant good = CreativeVariant.newBuilder().setHeadline("Brew better mornings")
                .setPrimaryText("Single-origin beans, roasted this week.").setDescription("Free shipping")
                .setCallToAction("SHOP_NOW").setSampling(SamplingSettings.newBuilder().setSeed(7).setTemperature(0.8f)).build();
        CreativeVariant tooLong = good.toBuilder().setHeadline("x".repeat(41)).build();
        CreativeResult result = CreativeResult.newBuilder().setRequestId(requestId).setAdvertiserId(owner.id())
                .setCampaignId(campaign).setLandingUrl("https://beans.example.com").setModel("llama.cpp:test")
                .addVariants(good).addVariants(good.toBuilder().setHeadline("Coffee that wakes you up")).addVariants(tooLong)
                .build();
        // Claims another advertiser's campaign: must store nothing.
        CreativeResult foreign = result.toBuilder().setRequestId(UUID.randomUUID().toString()).setAdvertiserId(other.id()).build();
        try (var producer = new KafkaProducer<String, byte[]>(KafkaSettings.producer(
                SurfTestResource.broker().bootstrapServers(), "drafts-test"))) {
            for (CreativeResult r : new CreativeResult[] {result, result, foreign}) { // the repeat is a redelivery
                producer.send(new ProducerRecord<>(Topics.CREATIVE_RESULTS.name(), String.valueOf(campaign), r.toByteArray())).get();
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        int drafts = 0;
        while (System.currentTimeMillis() < deadline) {
            drafts = count("select count(*) from creative where campaign_id = " + campaign
                    + " and source = 'GENERATED' and status = 'DRAFT'");
            if (drafts >= 2) {
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(1_000); // give a wrong duplicate or the foreign result time to show up
        assertEquals(2, count("select count(*) from creative where campaign_id = " + campaign
                + " and source = 'GENERATED' and status = 'DRAFT'"));
        assertEquals(2, count("select count(*) from creative where generation_request = '" + requestId + "'"));
        assertEquals(0, count("select count(*) from creative where generation_request = '" + foreign.getRequestId() + "'"));
    }

    private int count(String sql) throws Exception {
        try (var c = ds.getConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
