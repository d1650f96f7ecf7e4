package dev.surf.ad.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.TestApi;
import dev.surf.ad.TestApi.Tenant;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CampaignChanged;
import dev.surf.events.v1.ChangeKind;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** A committed campaign change reaches surf.campaign.changes.v1 on the real broker, keyed by advertiser. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class CampaignChangesTest {

    @Test
    void changesArePublishedAfterCommit() throws Exception {
        Tenant t = TestApi.newTenant("changes");
        long id = TestApi.createCampaign(t, "announced");
        t.as().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"name\":\"renamed\"}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(200);
        t.as().post("/api/v1/campaigns/" + id + "/actions/activate").then().statusCode(200);
        long adSet = TestApi.createAdSet(t, id);
        // A rejected change publishes nothing.
        t.as().header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{\"dailyBudgetMicros\":-1}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(412);

        List<CampaignChanged> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(
                SurfTestResource.broker().bootstrapServers(), "changes-test-" + UUID.randomUUID()))) {
            consumer.subscribe(List.of(Topics.CAMPAIGN_CHANGES.name()));
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.size() < 4 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    CampaignChanged c = Topics.CAMPAIGN_CHANGES.parse(r.value());
                    if (c.getCampaignId() == id) {
                        assertEquals(String.valueOf(t.id()), r.key(), "keyed by advertiser id");
                        seen.add(c);
                    }
                }
            }
        }
        assertEquals(List.of(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.STATUS_CHANGED, ChangeKind.CREATED),
                seen.stream().map(CampaignChanged::getKind).toList(), "changes: " + seen);
        assertEquals(List.of(0L, 1L, 2L, 0L), seen.stream().map(CampaignChanged::getVersion).toList());
        assertEquals("ad_set", seen.get(3).getEntity());
        assertEquals(adSet, seen.get(3).getEntityId());
        assertTrue(seen.stream().allMatch(c -> c.getAdvertiserId() == t.id() && !c.getEventId().isEmpty()));
    }
}
