package dev.surf.ad.experiment.results;

import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.UserSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Feeds surf.signals.v1 into the experiment results and pre-period history tables (its own consumer group). */
@ApplicationScoped
public class ExperimentSignalConsumer {
    private static final Logger LOG = Logger.getLogger(ExperimentSignalConsumer.class);
    private final String bootstrapServers;
    private final String groupId;
    private final boolean enabled;
    private final ResultsRecorder recorder;
    private final ActivityHistory history;
    private final Duration purgeInterval;
    private volatile Instant nextPurge = Instant.EPOCH;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter malformed;
    private final Duration fetchWait;
    private TopicConsumer<UserSignal> consumer;

    public ExperimentSignalConsumer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                    @ConfigProperty(name = "surf.experiment.consumer.group-id", defaultValue = "ad-experiment-results") String groupId,
                                    @ConfigProperty(name = "surf.experiment.consumer.enabled", defaultValue = "true") boolean enabled,
                                    @ConfigProperty(name = "surf.experiment.activity.purge-interval", defaultValue = "1h") Duration purgeInterval,
                                    @ConfigProperty(name = "surf.signals.consumer-fetch-wait") Duration fetchWait,
                                    ResultsRecorder recorder, ActivityHistory history, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.enabled = enabled;
        this.recorder = recorder;
        this.history = history;
        this.purgeInterval = purgeInterval;
        this.fetchWait = fetchWait;
        this.applied = registry.counter("surf_experiment_signals_total", "outcome", "applied");
        this.duplicates = registry.counter("surf_experiment_signals_total", "outcome", "duplicate");
        this.rejected = registry.counter("surf_experiment_signals_total", "outcome", "rejected");
        this.malformed = registry.counter("surf_experiment_signals_total", "outcome", "malformed");
    }

    void start(@Observes StartupEvent ev) {
        if (enabled) {
            consumer = new TopicConsumer<>(Topics.SIGNALS, bootstrapServers, groupId, KafkaSettings.batchedFetch(fetchWait), this::handle,
                    e -> malformed.increment()).start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }

    public boolean isRunning() {
        return consumer != null && consumer.isRunning();
    }

    private void handle(List<TopicConsumer.Event<UserSignal>> batch) {
        ResultsRecorder.Outcome o = recorder.apply(batch.stream().map(TopicConsumer.Event::value).toList());
        applied.increment(o.applied());
        duplicates.increment(o.duplicates());
        rejected.increment(o.rejected());
        // Retention of the pre-period history, on the consumer thread: no scheduler needed, and
        // every replica purging now and then is harmless (the deletes are idempotent).
        if (Instant.now().isAfter(nextPurge)) {
            nextPurge = Instant.now().plus(purgeInterval);
            int purged = history.purge();
            if (purged > 0) {
                LOG.infof("purged %d pre-period history rows and applied event ids past retention", purged);
            }
        }
    }
}
