package dev.surf.ranking.scoring;

import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.ModelPublished;
import dev.surf.ranking.registry.ModelRepository;
import dev.surf.ranking.registry.ModelVersionInfo;
import dev.surf.ranking.registry.RegistryService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps this replica's session on the registry's live version: loads it at startup (registering the
 * prior model on a fresh stack) and again whenever surf.models.v1 says something changed. The
 * registry is the truth, the event only a nudge, so replays and reordering are harmless.
 * Every replica reads the topic in its own consumer group, so each one hears every event.
 */
@ApplicationScoped
public class ModelLoader {
    private static final Logger LOG = Logger.getLogger(ModelLoader.class);
    private final RegistryService registry;
    private final ModelRepository repository;
    private final SessionFactory sessions;
    private final ModelHolder holder;
    private final ServedModels served;
    private final String bootstrapServers;
    private final MeterRegistry meters;
    private TopicConsumer<ModelPublished> consumer;

    public ModelLoader(RegistryService registry, ModelRepository repository, SessionFactory sessions, ModelHolder holder,
                       ServedModels served, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       MeterRegistry meters) {
        this.served = served;
        this.registry = registry;
        this.repository = repository;
        this.sessions = sessions;
        this.holder = holder;
        this.bootstrapServers = bootstrapServers;
        this.meters = meters;
    }

    void start(@Observes StartupEvent ev) {
        registry.ensurePriorModel();
        syncWithRegistry();
        consumer = new TopicConsumer<>(Topics.MODELS, bootstrapServers, "ranking-models-" + UUID.randomUUID(), Map.of(),
                this::onEvents, e -> meters.counter("surf_models_rejected_total").increment()).start();
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }

    private void onEvents(List<TopicConsumer.Event<ModelPublished>> events) {
        if (events.stream().anyMatch(e -> e.value().getModelName().equals(registry.modelName()))) {
            syncWithRegistry();
            served.forgetNamed(); // a named version may have been retired
        }
    }

    /** Loads the registry's live version if this replica serves another one. */
    public synchronized void syncWithRegistry() {
        ModelVersionInfo live = registry.live().orElse(null);
        if (live == null || live.version() == holder.liveVersion()) {
            return;
        }
        byte[] onnx = repository.bytes(live.name(), live.version()).orElseThrow();
        if (!RegistryService.sha256(onnx).equals(live.sha256())) {
            LOG.errorf("model %s/%d: stored bytes do not match their sha256; keeping version %d", live.name(), live.version(),
                    holder.liveVersion());
            return;
        }
        try {
            holder.swap(new LoadedModel(sessions.create(onnx), live.name(), live.version(), live.sha256()));
            meters.counter("surf_models_loaded_total").increment();
            LOG.infof("serving model %s/%d on %s", live.name(), live.version(), sessions.provider());
        } catch (Exception e) {
            LOG.errorf(e, "model %s/%d failed to load; keeping version %d", live.name(), live.version(), holder.liveVersion());
        }
    }
}
