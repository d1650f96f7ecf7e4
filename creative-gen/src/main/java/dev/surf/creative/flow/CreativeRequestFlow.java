package dev.surf.creative.flow;

import dev.surf.creative.CreativeConfig;
import dev.surf.creative.generation.CreativeGenerator;
import dev.surf.creative.generation.GenerationListener;
import dev.surf.creative.generation.GenerationOutcome;
import dev.surf.creative.llm.LlmException;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.CreativeDeadLetter;
import dev.surf.events.v1.CreativeRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * surf.creative.requests.v1 → generator → surf.creative.results.v1 (or the dead-letter topic).
 *
 * <p>The consumer takes one record per poll and handles it before polling again, so requests wait
 * in Kafka while the generator is busy (and while creative-gen is down). Offsets are committed
 * after the result is published and the request id recorded; a request id already recorded is
 * skipped, so a redelivery or a repeated request never generates twice. A request that fails
 * {@code maxAttempts} times (with exponential backoff) or is invalid goes to the dead-letter topic
 * with the reason.
 */
@ApplicationScoped
public class CreativeRequestFlow {
    private static final Logger LOG = Logger.getLogger(CreativeRequestFlow.class);
    static final String PUBLISHED = "published";
    static final String DEAD_LETTERED = "dead_lettered";

    private final CreativeGenerator generator;
    private final HandledRequests handled;
    private final CreativeConfig.Consumer config;
    private final String bootstrap;
    private final MeterRegistry metrics;
    private KafkaProducer<String, byte[]> producer;
    private TopicConsumer<CreativeRequest> consumer;

    public CreativeRequestFlow(CreativeGenerator generator, HandledRequests handled, CreativeConfig config,
                               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeterRegistry metrics) {
        this.generator = generator;
        this.handled = handled;
        this.config = config.consumer();
        this.bootstrap = bootstrap;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ev) {
        if (!config.enabled()) {
            LOG.info("creative request consumer disabled (creative.consumer.enabled=false)");
            return;
        }
        if (!generator.available()) {
            LOG.warnf("no LLM backend (%s): creative requests wait in Kafka", generator.unavailableReason());
            return;
        }
        producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "creative-gen"));
        consumer = new TopicConsumer<>(Topics.CREATIVE_REQUESTS, bootstrap, config.groupId(),
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) config.maxPollInterval().toMillis()),
                this::handleBatch,
                e -> metrics.counter("surf_creative_requests_malformed_total").increment()).start();
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    public boolean running() {
        return consumer != null && consumer.isRunning();
    }

    private void handleBatch(List<TopicConsumer.Event<CreativeRequest>> batch) {
        for (TopicConsumer.Event<CreativeRequest> e : batch) {
            handle(e.value());
        }
    }

    void handle(CreativeRequest request) {
        Optional<String> done = handled.outcome(request.getRequestId());
        if (done.isPresent()) {
            LOG.infof("request %s already %s: skipped", request.getRequestId(), done.get());
            metrics.counter("surf_creative_requests_total", "outcome", "duplicate").increment();
            return;
        }
        List<String> problems = generator.validate(ResultMapper.job(request));
        if (!problems.isEmpty()) {
            deadLetter(request, "invalid request: " + String.join("; ", problems), 0);
            return;
        }
        String lastError = "";
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                GenerationOutcome outcome = generator.generate(ResultMapper.job(request), GenerationListener.NONE);
                send(Topics.CREATIVE_RESULTS.name(), request, ResultMapper.result(request, outcome).toByteArray());
                handled.record(request.getRequestId(), request.getCampaignId(), PUBLISHED, attempt, outcome.variants().size());
                metrics.counter("surf_creative_requests_total", "outcome", PUBLISHED).increment();
                return;
            } catch (LlmException | RuntimeException e) {
                lastError = e.getMessage();
                LOG.warnf("request %s attempt %d/%d failed: %s", request.getRequestId(), attempt, config.maxAttempts(), lastError);
                if (e instanceof LlmException le && !le.retryable()) {
                    deadLetter(request, lastError, attempt);
                    return;
                }
                if (attempt < config.maxAttempts()) {
                    sleep(config.backoff().toMillis() << (attempt - 1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted; the request will be redelivered", e);
            }
        }
        deadLetter(request, lastError, config.maxAttempts());
    }

    private void deadLetter(CreativeRequest request, String reason, int attempts) {
        CreativeDeadLetter dl = CreativeDeadLetter.newBuilder().setRequest(request).setReason(reason)
                .setAttempts(attempts).setTimeMs(System.currentTimeMillis()).build();
        send(Topics.CREATIVE_DEAD_LETTER.name(), request, dl.toByteArray());
        handled.record(request.getRequestId(), request.getCampaignId(), DEAD_LETTERED, attempts, 0);
        metrics.counter("surf_creative_requests_total", "outcome", DEAD_LETTERED).increment();
        LOG.warnf("request %s dead-lettered: %s", request.getRequestId(), reason);
    }

    /** Waits for the broker's ack so the offset is committed only after the record is stored. */
    private void send(String topic, CreativeRequest request, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, Long.toString(request.getCampaignId()), value)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("publishing to " + topic + " failed; the request will be redelivered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
