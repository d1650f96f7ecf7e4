package dev.surf.ad.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.ad.decision.DecisionFlowTest;
import dev.surf.ad.decision.RankerFixtureResource;
import dev.surf.ad.decision.TestCampaigns;
import dev.surf.ad.tracking.SignalPublisher;
import dev.surf.events.EventIds;
import dev.surf.events.Topics;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Kill the spend consumer mid-stream (after its database commit, before its offset commit: the
 * worst moment), restart it, replay duplicates: every event is counted exactly once.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
class SpendConsumerRestartTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    SpendStatsRunner runner;
    @Inject
    SignalPublisher publisher;

    @Test
    void killedConsumerRestartsAndCountsEveryEventOnce() throws Exception {
        TestCampaigns t = new TestCampaigns(ds);
        var c = t.create("restart", "CPM", 2_000_000, 1_000_000_000, "p-restart", "");
        runner.stop();
        try {
            List<UserSignal> first = signals(c, 300);
            send(first);
            AtomicInteger batches = new AtomicInteger();
            SpendStatsConsumer crashing = runner.newConsumer(applied -> {
                if (batches.incrementAndGet() == 1) {
                    throw new IllegalStateException("simulated crash between database commit and offset commit");
                }
            }).start();
            DecisionFlowTest.await("the consumer to crash", () -> !crashing.isRunning());
            crashing.close();

            List<UserSignal> second = signals(c, 200);
            send(second);
            send(first.subList(0, 100)); // a producer retry / replay of old events

            SpendStatsConsumer restarted = runner.newConsumer(a -> { }).start();
            try {
                DecisionFlowTest.await("all events counted", () -> count(t, c.campaignId()) >= 500);
                DecisionFlowTest.await("consumer caught up", this::caughtUp);
            } finally {
                restarted.close();
            }
            assertEquals(500, count(t, c.campaignId()), "every impression counted once");
            assertEquals(500 * 2_000L, t.queryLong("select spend_micros from ad.campaign_spend_daily where campaign_id = "
                    + c.campaignId()), "every impression charged once");
        } finally {
            runner.start();
        }
    }

    private static long count(TestCampaigns t, long campaign) {
        try {
            return t.queryLong("select coalesce(sum(impressions), 0) from ad.stats_hourly where campaign_id = " + campaign);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean caughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SurfTestResource.broker().bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(runner.group()).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < Topics.DEFAULT_PARTITIONS; p++) {
                latest.put(new TopicPartition(Topics.SIGNALS.name(), p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            for (var e : ends.entrySet()) {
                var off = committed.get(e.getKey());
                if (e.getValue().offset() > 0 && (off == null || off.offset() < e.getValue().offset())) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<UserSignal> signals(TestCampaigns.Created c, int n) {
        List<UserSignal> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(UserSignal.newBuilder().setEventId(EventIds.random()).setTimeMs(System.currentTimeMillis())
                    .setKind(SignalKind.IMPRESSION).setUserId("restart-user-" + (i % 37)).setDecisionId(EventIds.random())
                    .setAdvertiserId(c.advertiserId()).setCampaignId(c.campaignId()).setAdSetId(c.adSetId())
                    .setCreativeId(c.creativeId()).setPlacement("p-restart").setPriceMicros(2_000).build());
        }
        return out;
    }

    private void send(List<UserSignal> signals) throws Exception {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (UserSignal s : signals) {
            acks.add(publisher.publish(s));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }
}
