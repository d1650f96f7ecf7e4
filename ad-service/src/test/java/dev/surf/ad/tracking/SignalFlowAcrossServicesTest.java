package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.ServiceProcess;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ad-service publishes signals through the real broker; a real ranking-service process consumes them. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class SignalFlowAcrossServicesTest {
    private static final Pattern CLICKS = Pattern.compile("surf_signals_consumed_total\\{kind=\"CLICK\"[^}]*}\\s+([0-9.]+)");

    @Inject
    SignalPublisher publisher;

    @Test
    void rankingServiceCountsWhatAdServicePublished() throws Exception {
        var broker = SurfTestResource.broker();
        try (ServiceProcess ranking = ServiceProcess.start(Path.of("../ranking-service"), Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.datasource.jdbc.url", SurfTestResource.TEST_DB_URL)).awaitReady(Duration.ofSeconds(90))) {
            // Other tests in this JVM may have published clicks already; ranking-service reads from the start.
            long before = clicksOnTopic(broker.bootstrapServers());
            int sent = 25;
            for (int i = 0; i < sent; i++) {
                publisher.publish(UserSignal.newBuilder().setEventId(EventIds.random()).setKind(SignalKind.CLICK)
                        .setUserId("flow-user-" + i).setTimeMs(System.currentTimeMillis()).build()).get();
            }
            double counted = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (counted < before + sent && System.currentTimeMillis() < deadline) {
                Matcher m = CLICKS.matcher(ranking.get("/q/metrics"));
                counted = m.find() ? Double.parseDouble(m.group(1)) : 0;
                Thread.sleep(200);
            }
            assertEquals(before + sent, counted, 0.0, "clicks counted by ranking-service");
        }
    }

    /** CLICK records on surf.signals.v1 up to its current end, read with a throwaway consumer. */
    private static long clicksOnTopic(String bootstrap) {
        var config = dev.surf.events.KafkaSettings.consumer(bootstrap, "flow-baseline-" + EventIds.random());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(config)) {
            var partitions = consumer.partitionsFor(dev.surf.events.Topics.SIGNALS.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long clicks = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        if (dev.surf.events.Topics.SIGNALS.parse(r.value()).getKind() == SignalKind.CLICK) {
                            clicks++;
                        }
                    } catch (dev.surf.events.MalformedEventException e) {
                        // not a signal: ranking-service skips it too
                    }
                }
            }
            return clicks;
        }
    }
}
