package dev.surf.ranking.signals;

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

/** Counts signals from surf.signals.v1 by kind: the first consumer, and a liveness view of the stream. */
@ApplicationScoped
public class SignalCounter {
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final Counter rejected;
    private TopicConsumer<UserSignal> consumer;

    public SignalCounter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.rejected = registry.counter("surf_signals_rejected_total", "service", "ranking");
    }

    void start(@Observes StartupEvent ev) {
        consumer = new TopicConsumer<>(Topics.SIGNALS, bootstrapServers, "ranking-signal-counter", Map.of(),
                this::count, e -> rejected.increment()).start();
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }

    private void count(List<TopicConsumer.Event<UserSignal>> batch) {
        for (var e : batch) {
            registry.counter("surf_signals_consumed_total", "kind", e.value().getKind().name()).increment();
        }
    }
}
