package dev.surf.infra.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.events.EventIds;
import dev.surf.events.Topics;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The broker keeps topics and records across a stop and a start on the same data folder. */
class KafkaBrokerTest {

    @Test
    void restartKeepsTopicsAndRecords() throws Exception {
        KafkaBroker first = KafkaBroker.onFreePorts().start();
        List<String> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), Topics.SIGNALS.serde().serializer())) {
            for (int i = 0; i < 50; i++) {
                UserSignal s = UserSignal.newBuilder().setEventId(EventIds.random()).setKind(SignalKind.IMPRESSION)
                        .setUserId("user-" + i).build();
                sent.add(s.getEventId());
                producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), s.getUserId(), s)).get();
            }
        }
        var dir = first.dataDir();
        first.close();

        // Same folder, new ports: a new process finding the old data.
        try (KafkaBroker second = new KafkaBroker(dir, KafkaBroker.freePort(), KafkaBroker.freePort()).start();
             var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SIGNALS.name()));
            List<String> received = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 60_000;
            while (received.size() < sent.size() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    received.add(Topics.SIGNALS.parse(r.value()).getEventId());
                }
            }
            assertEquals(sent.size(), received.size());
            assertTrue(received.containsAll(sent));
        }
    }
}
