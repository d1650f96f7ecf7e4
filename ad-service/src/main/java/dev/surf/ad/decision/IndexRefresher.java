package dev.surf.ad.decision;

import dev.surf.ad.pacing.PacingService;
import dev.surf.ad.stats.PriorScores;
import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.CampaignChanged;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the candidate index current: a full build at start, one campaign reloaded on every
 * CampaignChanged record (each replica reads all changes: its own consumer group, from the latest
 * offset), and a periodic full rebuild as a safety net that also reloads prior CTRs, today's spend
 * for pacing and frequency counts at start.
 */
@ApplicationScoped
public class IndexRefresher {
    private static final Logger LOG = Logger.getLogger(IndexRefresher.class);

    private final CandidateIndex index;
    private final CandidateLoader loader;
    private final PriorScores priors;
    private final PacingService pacing;
    private final FrequencyStore frequency;
    private final AgroalDataSource ds;
    private final String bootstrap;
    private final long rebuildSeconds;
    private final boolean listen;
    private ScheduledExecutorService timer;
    private TopicConsumer<CampaignChanged> changes;

    public IndexRefresher(CandidateIndex index, CandidateLoader loader, PriorScores priors, PacingService pacing,
                          FrequencyStore frequency, AgroalDataSource ds,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                          @ConfigProperty(name = "surf.index.rebuild-seconds", defaultValue = "60") long rebuildSeconds,
                          @ConfigProperty(name = "surf.index.listen-changes", defaultValue = "true") boolean listen) {
        this.index = index;
        this.loader = loader;
        this.priors = priors;
        this.pacing = pacing;
        this.frequency = frequency;
        this.ds = ds;
        this.bootstrap = bootstrap;
        this.rebuildSeconds = rebuildSeconds;
        this.listen = listen;
    }

    void start(@Observes StartupEvent ev) {
        try {
            frequency.load(ds);
        } catch (Exception e) {
            LOG.errorf(e, "could not load frequency counts; caps start from zero");
        }
        rebuild();
        if (listen) {
            changes = new TopicConsumer<>(Topics.CAMPAIGN_CHANGES, bootstrap, "ad-service-index-" + UUID.randomUUID(),
                    Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), this::onChanges, e -> { }).start();
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("index-rebuild").daemon(true).unstarted(r));
        timer.scheduleWithFixedDelay(this::rebuild, rebuildSeconds, rebuildSeconds, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (changes != null) {
            changes.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Full rebuild; failures keep the previous snapshot serving. */
    public void rebuild() {
        try {
            index.replaceAll(loader.loadAll());
            pacing.sync(loader.recentSpend(), index.snapshot());
            priors.reload(ds);
        } catch (Exception e) {
            LOG.errorf(e, "candidate index rebuild failed; serving the previous snapshot");
        }
    }

    public void refreshCampaign(long campaignId) {
        try {
            index.replaceCampaign(campaignId, loader.loadCampaign(campaignId));
        } catch (Exception e) {
            LOG.errorf(e, "could not reload campaign %d; the next full rebuild retries", campaignId);
        }
    }

    private void onChanges(List<TopicConsumer.Event<CampaignChanged>> batch) {
        Set<Long> ids = new LinkedHashSet<>();
        for (var e : batch) {
            if (e.value().getCampaignId() > 0) {
                ids.add(e.value().getCampaignId());
            }
        }
        ids.forEach(this::refreshCampaign);
    }
}
