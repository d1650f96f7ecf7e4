package dev.surf.events.kafka;

import com.google.protobuf.Message;
import dev.surf.events.KafkaSettings;
import dev.surf.events.MalformedEventException;
import dev.surf.events.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A poll loop on its own thread for one topic: parses each record, hands the valid ones to the
 * handler a batch at a time and commits offsets only after the handler returned, so a crash
 * replays the batch (handlers are idempotent: at-least-once delivery, exactly-once effects).
 * A malformed record is logged, reported to {@code onMalformed} and skipped.
 */
public final class TopicConsumer<V extends Message> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);

    /** A parsed record with the key and position it came from. */
    public record Event<V>(String key, V value, int partition, long offset) {
    }

    private final Topic<V> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<List<Event<V>>> handler;
    private final Consumer<MalformedEventException> onMalformed;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public TopicConsumer(Topic<V> topic, String bootstrapServers, String groupId, Map<String, Object> overrides,
                         Consumer<List<Event<V>>> handler, Consumer<MalformedEventException> onMalformed) {
        this.topic = topic;
        Map<String, Object> config = KafkaSettings.consumer(bootstrapServers, groupId);
        config.putAll(overrides);
        this.consumer = new KafkaConsumer<>(config);
        this.handler = handler;
        this.onMalformed = onMalformed;
        this.thread = Thread.ofPlatform().name("consumer-" + topic.name() + "-" + groupId).daemon(true).unstarted(this::run);
    }

    public TopicConsumer<V> start() {
        consumer.subscribe(List.of(topic.name()));
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(250));
                if (records.isEmpty()) {
                    continue;
                }
                List<Event<V>> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> r : records) {
                    try {
                        batch.add(new Event<>(r.key(), topic.parse(r.value()), r.partition(), r.offset()));
                    } catch (MalformedEventException e) {
                        LOG.warnf("skipping %s at partition %d offset %d: %s", topic.name(), r.partition(), r.offset(), e.getMessage());
                        onMalformed.accept(e);
                    }
                }
                if (!batch.isEmpty()) {
                    handler.accept(batch);
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            // Uncommitted records are redelivered to whoever takes over the partitions.
            LOG.errorf(e, "consumer of %s stopped", topic.name());
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
