package dev.surf.ad.campaign;

import dev.surf.events.EventIds;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CampaignChanged;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes {@link CampaignChanged} on surf.campaign.changes.v1 (key: advertiser id) once the
 * change is committed, so decision-path replicas never refresh to a state that was rolled back.
 * The send is asynchronous (idempotent producer, acks=all); a failed send is logged and counted,
 * and decision-path replicas also rebuild their index periodically from the database.
 */
@ApplicationScoped
public class CampaignChangePublisher {
    private static final Logger LOG = Logger.getLogger(CampaignChangePublisher.class);
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong failed = new AtomicLong();

    public CampaignChangePublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "ad-service-campaign-changes"));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChanged change) {
        CampaignChanged event = CampaignChanged.newBuilder().setEventId(EventIds.random())
                .setTimeMs(System.currentTimeMillis()).setAdvertiserId(change.advertiserId())
                .setCampaignId(change.campaignId()).setKind(change.kind()).setVersion(change.version())
                .setEntity(change.entity()).setEntityId(change.entityId()).build();
        producer.send(new ProducerRecord<>(Topics.CAMPAIGN_CHANGES.name(), String.valueOf(change.advertiserId()),
                event.toByteArray()), (meta, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        LOG.warnf("could not publish %s %d change: %s", change.entity(), change.entityId(), error.getMessage());
                    }
                });
    }

    /** Sends that failed since start (for tests and metrics). */
    public long failedSends() {
        return failed.get();
    }

    void stop(@Observes ShutdownEvent ev) {
        producer.close(Duration.ofSeconds(10));
    }
}
