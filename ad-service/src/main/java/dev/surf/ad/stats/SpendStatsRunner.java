package dev.surf.ad.stats;

import dev.surf.ad.decision.FrequencyStore;
import dev.surf.ad.pacing.PacingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the spend and stats consumer for the application's lifetime (replicas share its group). */
@ApplicationScoped
public class SpendStatsRunner {
    private final SpendStatsWriter writer;
    private final PacingService pacing;
    private final FrequencyStore frequency;
    private final MeterRegistry metrics;
    private final String bootstrap;
    private final String group;
    private final boolean enabled;
    private final java.time.Duration fetchWait;
    private SpendStatsConsumer consumer;
    private java.util.concurrent.ScheduledExecutorService pruner;

    public SpendStatsRunner(SpendStatsWriter writer, PacingService pacing, FrequencyStore frequency, MeterRegistry metrics,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                            @ConfigProperty(name = "surf.spend.group", defaultValue = "ad-service-spend") String group,
                            @ConfigProperty(name = "surf.spend.enabled", defaultValue = "true") boolean enabled,
                            @ConfigProperty(name = "surf.signals.consumer-fetch-wait") java.time.Duration fetchWait) {
        this.writer = writer;
        this.pacing = pacing;
        this.frequency = frequency;
        this.metrics = metrics;
        this.bootstrap = bootstrap;
        this.group = group;
        this.enabled = enabled;
        this.fetchWait = fetchWait;
    }

    void onStart(@Observes StartupEvent ev) {
        if (enabled) {
            start();
            pruner = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("processed-event-pruner").daemon(true).unstarted(r));
            pruner.scheduleWithFixedDelay(writer::pruneProcessed, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (pruner != null) {
            pruner.shutdownNow();
        }
        stop();
    }

    public synchronized void start() {
        if (consumer == null) {
            consumer = new SpendStatsConsumer(writer, pacing.pacer(), frequency, bootstrap, group, fetchWait, metrics, a -> { }).start();
        }
    }

    public synchronized void stop() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    /** A consumer in the application's group, wired like the application's own (tests, tools). */
    public SpendStatsConsumer newConsumer(java.util.function.Consumer<SpendStatsWriter.Applied> afterCommit) {
        return new SpendStatsConsumer(writer, pacing.pacer(), frequency, bootstrap, group, fetchWait, metrics, afterCommit);
    }

    public String group() {
        return group;
    }
}
