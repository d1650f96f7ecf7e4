package dev.surf.ad.tracking;

import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.UserSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes user signals to surf.signals.v1, keyed by user id (idempotent producer, acks=all).
 *
 * <p>A send that fails is sent again after a growing pause, up to {@code surf.signals.send-attempts}
 * times. When the failure says the producer itself is broken or stuck (a sequence or epoch error after a
 * broker restart, or a batch that expired on its partition), the producer is replaced by a new one first;
 * a record that never got a partition (no metadata yet) is simply tried again. Sending a record again is safe:
 * the event id is part of the record and every consumer counts an event id once.
 */
@Singleton
public class SignalPublisher {
    private static final Logger LOG = Logger.getLogger(SignalPublisher.class);

    private final Map<String, Object> settings;
    private final int attempts;
    private final AtomicReference<Producer<String, byte[]>> producer = new AtomicReference<>();
    // Re-sends leave the producer's I/O thread: send() may wait for metadata, which that thread provides.
    private final ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("signal-resend").daemon().factory());
    private final Counter retried;
    private final Counter replaced;
    private final Counter failed;

    @Inject
    public SignalPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "surf.signals.delivery-timeout") Duration deliveryTimeout,
                           @ConfigProperty(name = "surf.signals.send-attempts") int attempts,
                           @ConfigProperty(name = "surf.signals.max-block") Duration maxBlock,
                           MeterRegistry metrics) {
        if (attempts < 1) {
            throw new IllegalArgumentException("surf.signals.send-attempts must be >= 1");
        }
        this.settings = KafkaSettings.producer(bootstrapServers, "ad-service-signals");
        long delivery = deliveryTimeout.toMillis();
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms.
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, delivery / 2 - 10));
        // send() runs on the HTTP event loop: it may wait for metadata or buffer space only briefly; a
        // send refused that way is retried from the re-send thread, where waiting is fine.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        this.attempts = attempts;
        this.retried = metrics.counter("surf_signal_sends_total", "outcome", "retried");
        this.replaced = metrics.counter("surf_signal_sends_total", "outcome", "producer_replaced");
        this.failed = metrics.counter("surf_signal_sends_total", "outcome", "failed");
        this.producer.set(new KafkaProducer<>(settings));
    }

    /** Fetches the topic's metadata once at start so the first beacons don't wait for it. */
    void warm(@Observes StartupEvent ev) {
        try {
            producer.get().partitionsFor(Topics.SIGNALS.name());
        } catch (KafkaException e) {
            LOG.warnf("signals topic metadata not available yet: %s", e.getMessage());
        }
    }

    /** Completes when the broker has the record on all in-sync replicas, or exceptionally after the last attempt. */
    public CompletableFuture<RecordMetadata> publish(UserSignal signal) {
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        send(new ProducerRecord<>(Topics.SIGNALS.name(), signal.getUserId(), signal.toByteArray()), done, 1);
        return done;
    }

    private void send(ProducerRecord<String, byte[]> record, CompletableFuture<RecordMetadata> done, int attempt) {
        Producer<String, byte[]> p = producer.get();
        try {
            p.send(record, (meta, error) -> {
                if (error == null) {
                    done.complete(meta);
                } else {
                    boolean onPartition = meta != null && meta.partition() != RecordMetadata.UNKNOWN_PARTITION;
                    failedAttempt(p, record, done, attempt, error, onPartition);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // Thrown by send() itself (buffer full, producer closed): retry as is.
            failedAttempt(p, record, done, attempt, e, false);
        }
    }

    private void failedAttempt(Producer<String, byte[]> p, ProducerRecord<String, byte[]> record,
                               CompletableFuture<RecordMetadata> done, int attempt, Throwable error,
                               boolean onPartition) {
        if (attempt >= attempts || !worthRetrying(error)) {
            failed.increment();
            done.completeExceptionally(error);
            return;
        }
        retried.increment();
        if (onPartition && (!(error instanceof org.apache.kafka.common.errors.RetriableException)
                || error instanceof org.apache.kafka.common.errors.TimeoutException)) {
            replace(p, error);
        }
        long pauseMs = Math.min(5_000, 100L << Math.min(attempt - 1, 6));
        resender.schedule(() -> send(record, done, attempt + 1), pauseMs, TimeUnit.MILLISECONDS);
    }

    private static boolean worthRetrying(Throwable error) {
        return !(error instanceof RecordTooLargeException || error instanceof SerializationException
                || error instanceof InvalidTopicException);
    }

    /** Swaps in a new producer unless another failure already did; the old one is closed without waiting. */
    private void replace(Producer<String, byte[]> broken, Throwable why) {
        Producer<String, byte[]> fresh;
        synchronized (producer) {
            if (producer.get() != broken) {
                return;
            }
            fresh = new KafkaProducer<>(settings);
            producer.set(fresh);
        }
        replaced.increment();
        LOG.warnf("signal producer replaced after %s: %s", why.getClass().getSimpleName(), why.getMessage());
        // Its unsent records fail with an error and come back through failedAttempt onto the new producer.
        resender.execute(() -> broken.close(Duration.ZERO));
    }

    public void close() {
        producer.get().close(Duration.ofSeconds(10));
        resender.shutdown();
    }

    void stop(@Observes ShutdownEvent ev) {
        close();
    }
}
