package dev.surf.ad.creative;

import dev.surf.ad.web.Problem;
import dev.surf.ad.web.ProblemException;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CreativeRequest;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes {@link CreativeRequest}s on surf.creative.requests.v1 (key: campaign id; idempotent
 * producer, acks=all) and waits for the broker's acknowledgement. The producer's own delivery timeout
 * is the send timeout, so a send reported as failed was not delivered later: the caller can roll the
 * request back and answer 503.
 */
@ApplicationScoped
public class GenerationRequestPublisher {
    private static final Logger LOG = Logger.getLogger(GenerationRequestPublisher.class);
    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    public GenerationRequestPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "surf.creative.requests.send-timeout", defaultValue = "10s") Duration timeout) {
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(settings(bootstrapServers, timeout));
    }

    static Map<String, Object> settings(String bootstrapServers, Duration timeout) {
        Map<String, Object> c = KafkaSettings.producer(bootstrapServers, "ad-service-creative-requests");
        int ms = (int) Math.max(timeout.toMillis(), 1000);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms - 100);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return c;
    }

    /** Returns once the broker has the request; a 503 problem when it could not be published. */
    public void publish(CreativeRequest request) {
        try {
            producer.send(new ProducerRecord<>(Topics.CREATIVE_REQUESTS.name(), String.valueOf(request.getCampaignId()),
                    request.toByteArray())).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(request, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(request, e);
        }
    }

    private static ProblemException unavailable(CreativeRequest request, Exception e) {
        LOG.warnf("could not publish creative request %s: %s", request.getRequestId(), e.getMessage());
        return new ProblemException(Problem.of(503, "generation-queue-unavailable", "Generation queue unavailable",
                "the request could not be queued for generation; nothing was stored, try again later", List.of()));
    }

    void stop(@Observes ShutdownEvent ev) {
        producer.close(Duration.ofSeconds(5));
    }
}
