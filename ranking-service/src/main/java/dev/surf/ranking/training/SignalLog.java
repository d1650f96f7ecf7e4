package dev.surf.ranking.training;

import dev.surf.events.KafkaSettings;
import dev.surf.events.MalformedEventException;
import dev.surf.events.Topics;
import dev.surf.events.v1.UserSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads surf.signals.v1 from the beginning up to the end offsets seen at the start (a snapshot),
 * without a consumer group, so training never moves any service's committed offsets.
 */
public final class SignalLog {
    private static final Logger LOG = Logger.getLogger(SignalLog.class);

    private SignalLog() {
    }

    public static List<UserSignal> snapshot(String bootstrapServers, int maxEvents, Duration timeout) {
        Map<String, Object> config = KafkaSettings.consumer(bootstrapServers, "unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<UserSignal> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNALS.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + Topics.SIGNALS.name() + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    try {
                        out.add(Topics.SIGNALS.parse(r.value()));
                    } catch (MalformedEventException e) {
                        LOG.warnf("training skips a malformed signal at %s-%d@%d", r.topic(), r.partition(), r.offset());
                    }
                    if (out.size() > maxEvents) {
                        throw new IllegalStateException("more than " + maxEvents + " signals; raise surf.ranking.training.max-events");
                    }
                }
            }
        }
        return out;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
