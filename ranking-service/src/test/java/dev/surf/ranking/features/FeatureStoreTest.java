package dev.surf.ranking.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.SignalContext;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import dev.surf.ranking.model.Counters;
import dev.surf.ranking.scoring.RankerChannel;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreRequest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Signals on the real broker flow through the Kafka Streams topology into what Score sees. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class FeatureStoreTest {
    @Inject
    FeatureLookup features;
    @TestHTTPResource("/")
    URL url;

    @Test
    void countsPerCreativeCampaignAndUserReachTheScorer() throws Exception {
        long campaign = 770_001;
        long creative = 880_001;
        String user = "feature-user-" + System.nanoTime();
        try (RankerChannel channel = new RankerChannel(url)) {
            ScoreRequest req = ScoreRequest.newBuilder().mergeFrom(RankerChannel.request(user, 0))
                    .addCandidates(Candidate.newBuilder().setCampaignId(campaign).setCreativeId(creative).addCategories("golf")).build();
            double before = channel.blocking().score(req).getScores(0).getPCtr();

            long now = System.currentTimeMillis();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    KafkaSettings.producer(SurfTestResource.broker().bootstrapServers(), "feature-test"))) {
                for (int i = 0; i < 40; i++) {
                    UserSignal imp = UserSignal.newBuilder().setEventId(user + "-i" + i).setTimeMs(now - 60_000 + i)
                            .setKind(SignalKind.IMPRESSION).setUserId(user).setDecisionId(user + "-d" + i).setCampaignId(campaign)
                            .setCreativeId(creative).setContext(SignalContext.newBuilder().setCategory("golf")).build();
                    producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), user, imp.toByteArray()));
                    if (i % 2 == 0) {
                        producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), user,
                                imp.toBuilder().setEventId(user + "-c" + i).setKind(SignalKind.CLICK).setTimeMs(now - 30_000 + i)
                                        .build().toByteArray()));
                    }
                }
                producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), user, UserSignal.newBuilder().setEventId(user + "-v")
                        .setTimeMs(now).setKind(SignalKind.CONVERSION).setUserId(user).setCampaignId(campaign).setCreativeId(creative)
                        .build().toByteArray()));
                // Another 30 impressions of the creative from 30 other users: keyed by user, they land on
                // several partitions, and the creative's count must add up the partitions' parts.
                for (int i = 0; i < 30; i++) {
                    String other = user + "-other-" + i;
                    producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), other, UserSignal.newBuilder()
                            .setEventId(other + "-i").setTimeMs(now).setKind(SignalKind.IMPRESSION).setUserId(other)
                            .setCampaignId(campaign).setCreativeId(creative).build().toByteArray()));
                }
                producer.flush();
            }
            await(() -> features.creative(creative).equals(new Counters(70, 20, 1)));
            await(() -> features.user(user).equals(new Counters(40, 20, 1)));
            // Campaign and creative counters are cached for surf.features.cache-ttl: they converge, not jump.
            await(() -> features.campaign(campaign).equals(new Counters(70, 20, 1)));
            assertEquals(20, features.userCategoryClicks(user, "golf"));
            assertEquals(0, features.userCategoryClicks(user, "sports"));

            double after = channel.blocking().score(req).getScores(0).getPCtr();
            assertTrue(after != before, "the creative's history changes its score: " + before + " -> " + after);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("feature store did not catch up within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
