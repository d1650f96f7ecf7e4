package dev.surf.ad.tracking;

import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.UserSignal;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes user signals to surf.signals.v1, keyed by user id (idempotent producer, acks=all). */
@ApplicationScoped
public class SignalPublisher {
    private final KafkaProducer<String, byte[]> producer;

    public SignalPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "ad-service-signals"));
    }

    /** Completes when the broker has the record on all in-sync replicas. */
    public CompletableFuture<RecordMetadata> publish(UserSignal signal) {
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), signal.getUserId(), signal.toByteArray()),
                (meta, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        done.complete(meta);
                    }
                });
        return done;
    }

    void stop(@Observes ShutdownEvent ev) {
        producer.close(Duration.ofSeconds(10));
    }
}
