package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.ad.decision.DecisionFlowTest;
import dev.surf.ad.decision.FrequencyStore;
import dev.surf.ad.decision.RankerFixtureResource;
import dev.surf.ad.decision.TestCampaigns;
import dev.surf.ad.pacing.BudgetPacer;
import dev.surf.ad.pacing.PacingSettings;
import dev.surf.ad.stats.SpendStatsConsumer;
import dev.surf.ad.stats.SpendStatsWriter;
import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import dev.surf.infra.kafka.KafkaBroker;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Restart the broker while signals are being published and consumed: count in = count out.
 * Uses a broker of its own (same data folder and ports across the restart) so the shared one stays up.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
class BrokerRestartTest {
    private static final int RESTARTS = 3;
    @Inject
    AgroalDataSource ds;
    @Inject
    SpendStatsWriter writer;
    @Inject
    FrequencyStore frequency;

    @Test
    void noEventLostAcrossABrokerRestart() throws Exception {
        TestCampaigns t = new TestCampaigns(ds);
        var c = t.create("broker-restart", "CPM", 2_000_000, 1_000_000_000, "p-broker", "");
        Path dir = Files.createTempDirectory("surf-kafka-restart-");
        int port = freePort();
        int controller = freePort();
        KafkaBroker broker = new KafkaBroker(dir, port, controller).start();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        SignalPublisher publisher = new SignalPublisher(broker.bootstrapServers(), java.time.Duration.ofSeconds(20), 8,
                java.time.Duration.ofMillis(50), metrics);
        SpendStatsConsumer consumer = new SpendStatsConsumer(writer, new BudgetPacer(PacingSettings.DEFAULT), frequency,
                broker.bootstrapServers(), "broker-restart-test", java.time.Duration.ofMillis(100), new SimpleMeterRegistry(), a -> { }).start();
        int sent = 0;
        try {
            List<CompletableFuture<?>> acks = java.util.Collections.synchronizedList(new ArrayList<>());
            // Three restarts: the idempotent producer can come back from one in a broken state (seen about
            // once in 10-25 in-process restarts); the publisher must replace it and re-send.
            for (int round = 0; round < RESTARTS; round++) {
                for (int i = 0; i < 150; i++) {
                    acks.add(publisher.publish(signal(c)));
                }
                broker.close();
                // Sent while the broker is down: send() waits for metadata, then the producer retries.
                Thread during = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 50; i++) {
                        acks.add(publisher.publish(signal(c)));
                    }
                });
                broker = new KafkaBroker(dir, port, controller).start();
                during.join(120_000);
            }
            for (int i = 0; i < 150; i++) {
                acks.add(publisher.publish(signal(c)));
            }
            sent = acks.size();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            long expected = sent;
            DecisionFlowTest.await("every event counted", () -> count(t, c.campaignId()) >= expected);
            assertEquals(expected, count(t, c.campaignId()), "count in = count out");
            System.out.printf("broker restart: %d sent, %d counted; sends retried %.0f, producer replaced %.0f%n", sent,
                    count(t, c.campaignId()), metrics.counter("surf_signal_sends_total", "outcome", "retried").count(),
                    metrics.counter("surf_signal_sends_total", "outcome", "producer_replaced").count());
        } finally {
            consumer.close();
            publisher.close();
            broker.close();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static UserSignal signal(TestCampaigns.Created c) {
        return UserSignal.newBuilder().setEventId(EventIds.random()).setTimeMs(System.currentTimeMillis())
                .setKind(SignalKind.IMPRESSION).setUserId("broker-user").setDecisionId(EventIds.random())
                .setAdvertiserId(c.advertiserId()).setCampaignId(c.campaignId()).setAdSetId(c.adSetId())
                .setCreativeId(c.creativeId()).setPlacement("p-broker").setPriceMicros(2_000).build();
    }

    private static long count(TestCampaigns t, long campaign) {
        try {
            return t.queryLong("select coalesce(sum(impressions), 0) from ad.stats_hourly where campaign_id = " + campaign);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
