package dev.surf.ad.experiment.assign;

import dev.surf.ad.tracking.SignalPublisher;
import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Logs that a decision used the user's experiment variants: one EXPOSURE signal on surf.signals.v1
 * (key user id) carrying every variant used. The event id is derived from the decision id, so a
 * retried decision logs the same event and the results consumer counts it once.
 */
@ApplicationScoped
public class ExposureLogger {
    private final SignalPublisher publisher;

    public ExposureLogger(SignalPublisher publisher) {
        this.publisher = publisher;
    }

    /** Completes when the broker has the record; an empty assignment list logs nothing. */
    public CompletableFuture<RecordMetadata> logExposure(String userId, String decisionId, List<Assignment> used) {
        if (used.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (userId == null || userId.isEmpty() || decisionId == null || decisionId.isEmpty()) {
            throw new IllegalArgumentException("an exposure needs a user id and a decision id");
        }
        Map<String, String> variants = new LinkedHashMap<>();
        for (Assignment a : used) {
            variants.put(a.experimentKey(), a.variantKey());
        }
        UserSignal signal = UserSignal.newBuilder()
                .setEventId(EventIds.derived(decisionId, "exposure"))
                .setTimeMs(System.currentTimeMillis())
                .setKind(SignalKind.EXPOSURE)
                .setUserId(userId)
                .setDecisionId(decisionId)
                .putAllExperimentVariants(variants)
                .build();
        return publisher.publish(signal);
    }
}
