package dev.surf.ad.experiment.assign;

import dev.surf.ad.experiment.ExperimentRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The decision path's view of running experiments: an in-memory table, rebuilt from the database
 * at start, every {@code surf.experiment.assigner.refresh-interval}, and as soon as this replica
 * has committed the start or stop of an experiment. {@link #assign(String)} is a few hashes and array scans, no I/O.
 */
@ApplicationScoped
public class ExperimentAssigner {
    private static final Logger LOG = Logger.getLogger(ExperimentAssigner.class);

    private final ExperimentRepository repository;
    private final Duration refreshInterval;
    private volatile AssignmentTable table = AssignmentTable.EMPTY;
    private ScheduledExecutorService scheduler;

    public ExperimentAssigner(ExperimentRepository repository,
                              @ConfigProperty(name = "surf.experiment.assigner.refresh-interval", defaultValue = "5s")
                              Duration refreshInterval) {
        this.repository = repository;
        this.refreshInterval = refreshInterval;
    }

    void start(@Observes StartupEvent ev) {
        refresh();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("experiment-assigner").daemon(true).factory());
        long ms = refreshInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Variants this user is in, one per layer with a running experiment covering them. */
    public List<Assignment> assign(String userId) {
        if (userId == null || userId.isEmpty()) {
            return List.of();
        }
        return table.assign(userId);
    }

    /** Reloads the running experiments from the database (two autocommit reads, no transaction needed). */
    public void refresh() {
        table = AssignmentTable.of(repository.layersOfRunning(), repository.findRunning());
    }

    /** Reloads on the refresh thread, soon: for callers that must not touch the database themselves. */
    public void refreshSoon() {
        ScheduledExecutorService s = scheduler;
        if (s != null && !s.isShutdown()) {
            s.execute(this::refreshQuietly);
        }
    }

    public int runningExperiments() {
        return table.runningExperiments();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // Keep serving the last table; the next tick tries again.
            LOG.warnf("experiment table refresh failed: %s", e.getMessage());
        }
    }
}
