package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.events.EventIds;
import dev.surf.events.MalformedEventException;
import dev.surf.events.Topics;
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
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
            // Other tests in this JVM share the broker: count the clicks already on the topic first.
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

    private static long clicksOnTopic(String bootstrap) throws Exception {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNALS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long clicks = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        if (Topics.SIGNALS.parse(r.value()).getKind() == SignalKind.CLICK) {
                            clicks++;
                        }
                    } catch (MalformedEventException ignored) {
                        // counted as rejected by ranking-service, not as a click
                    }
                }
            }
            return clicks;
        }
    }
}
