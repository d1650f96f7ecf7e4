package dev.surf.ad.experiment.results;

import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.UserSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Feeds surf.signals.v1 into the experiment results tables (its own consumer group). */
@ApplicationScoped
public class ExperimentSignalConsumer {
    private final String bootstrapServers;
    private final String groupId;
    private final boolean enabled;
    private final ResultsRecorder recorder;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter rejected;
    private final Counter malformed;
    private TopicConsumer<UserSignal> consumer;

    public ExperimentSignalConsumer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                    @ConfigProperty(name = "surf.experiment.consumer.group-id", defaultValue = "ad-experiment-results") String groupId,
                                    @ConfigProperty(name = "surf.experiment.consumer.enabled", defaultValue = "true") boolean enabled,
                                    ResultsRecorder recorder, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.enabled = enabled;
        this.recorder = recorder;
        this.applied = registry.counter("surf_experiment_signals_total", "outcome", "applied");
        this.duplicates = registry.counter("surf_experiment_signals_total", "outcome", "duplicate");
        this.rejected = registry.counter("surf_experiment_signals_total", "outcome", "rejected");
        this.malformed = registry.counter("surf_experiment_signals_total", "outcome", "malformed");
    }

    void start(@Observes StartupEvent ev) {
        if (enabled) {
            consumer = new TopicConsumer<>(Topics.SIGNALS, bootstrapServers, groupId, Map.of(), this::handle,
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
    }
}
