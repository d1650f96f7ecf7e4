package dev.surf.ranking.registry;

import dev.surf.events.EventIds;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.ModelPublished;
import dev.surf.events.v1.ModelStatus;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Publishes registry changes on surf.models.v1 (key: model name) and waits for the broker's ack. */
@ApplicationScoped
public class ModelPublisher {
    private final String bootstrapServers;
    private volatile KafkaProducer<String, byte[]> producer;

    public ModelPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void publish(ModelVersionInfo v) {
        ModelPublished event = ModelPublished.newBuilder()
                .setEventId(EventIds.random())
                .setTimeMs(System.currentTimeMillis())
                .setModelName(v.name())
                .setVersion(v.version())
                .setStatus(switch (v.status()) {
                    case "live" -> ModelStatus.LIVE;
                    case "retired" -> ModelStatus.RETIRED;
                    default -> ModelStatus.CANDIDATE;
                })
                .putAllMetrics(v.metrics())
                .setLocation("registry:" + v.name() + "/" + v.version())
                .setSha256(v.sha256())
                .build();
        try {
            producer().send(new ProducerRecord<>(Topics.MODELS.name(), v.name(), event.toByteArray())).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + v.name() + "/" + v.version(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + v.name() + "/" + v.version() + " on " + Topics.MODELS.name(), e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "ranking-model-registry"));
                }
                p = producer;
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent ev) {
        if (producer != null) {
            producer.close();
        }
    }
}
