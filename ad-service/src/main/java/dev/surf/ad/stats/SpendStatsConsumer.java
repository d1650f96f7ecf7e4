package dev.surf.ad.stats;

import dev.surf.ad.decision.FrequencyStore;
import dev.surf.ad.pacing.BudgetPacer;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * surf.signals.v1 -> stats_hourly, campaign spend and frequency counts, exactly-once in effect:
 * the writer stores the event ids with the effects in one transaction, offsets are committed only
 * after that, and a redelivered batch finds its ids already stored. A database outage is retried
 * (the batch is held, nothing is committed) instead of skipping events.
 */
public final class SpendStatsConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpendStatsConsumer.class);

    private final SpendStatsWriter writer;
    private final BudgetPacer pacer;
    private final FrequencyStore frequency;
    private final Consumer<SpendStatsWriter.Applied> afterCommit;
    private final TopicConsumer<UserSignal> consumer;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter rejected;
    private volatile boolean closing;

    public SpendStatsConsumer(SpendStatsWriter writer, BudgetPacer pacer, FrequencyStore frequency, String bootstrap,
                              String groupId, java.time.Duration fetchWait, MeterRegistry metrics,
                              Consumer<SpendStatsWriter.Applied> afterCommit) {
        this.writer = writer;
        this.pacer = pacer;
        this.frequency = frequency;
        this.afterCommit = afterCommit;
        this.applied = Counter.builder("surf.spend.events").tag("result", "applied").register(metrics);
        this.duplicates = Counter.builder("surf.spend.events").tag("result", "duplicate").register(metrics);
        this.rejected = Counter.builder("surf.spend.events").tag("result", "rejected").register(metrics);
        this.consumer = new TopicConsumer<>(Topics.SIGNALS, bootstrap, groupId, KafkaSettings.batchedFetch(fetchWait), this::handle, e -> rejected.increment());
    }

    public SpendStatsConsumer start() {
        consumer.start();
        return this;
    }

    public boolean isRunning() {
        return consumer.isRunning();
    }

    private void handle(List<TopicConsumer.Event<UserSignal>> batch) {
        List<UserSignal> signals = new ArrayList<>(batch.size());
        for (var e : batch) {
            UserSignal s = e.value();
            if (SpendStatsWriter.countable(s)) {
                signals.add(s);
            } else if (s.getKind() != SignalKind.PAGE_VIEW && s.getKind() != SignalKind.EXPOSURE) {
                rejected.increment();
                LOG.warnf("skipping invalid signal at partition %d offset %d", e.partition(), e.offset());
            }
        }
        if (signals.isEmpty()) {
            return;
        }
        SpendStatsWriter.Applied result = null;
        long backoff = 100;
        while (result == null) {
            try {
                result = writer.apply(signals);
            } catch (SQLException e) {
                if (closing) {
                    throw new IllegalStateException("closing with an unstored batch; it will be redelivered", e);
                }
                LOG.warnf("storing %d signals failed (%s); retrying in %d ms", signals.size(), e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted with an unstored batch", ie);
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
        applied.increment(result.newEvents().size());
        duplicates.increment(result.duplicates());
        rejected.increment(result.unknownCampaign());
        for (SpendStatsWriter.Charge c : result.charges()) {
            pacer.confirm(c.campaignId(), c.epochDay(), c.chargedMicros());
        }
        for (UserSignal s : result.newEvents()) {
            if (s.getKind() == SignalKind.IMPRESSION && !s.getUserId().isEmpty() && s.getAdSetId() > 0) {
                frequency.add(s.getUserId(), s.getAdSetId(), s.getTimeMs(), 1);
            }
        }
        afterCommit.accept(result);
    }

    @Override
    public void close() {
        closing = true;
        consumer.close();
    }
}
