package dev.surf.ad.tracking;

import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a tracking token for the event kind it is used for and publishes the event to
 * surf.signals.v1. The event id is derived from (decision id, kind, creative id), so a repeated
 * beacon is the same event and the consumers count it once. Rejections are counted by reason.
 */
@Singleton
public class TrackingService {
    private final TrackingUrls urls;
    private final SignalPublisher publisher;
    private final MeterRegistry metrics;
    private final ConcurrentHashMap<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Counter[] accepted = new Counter[TrackingClaims.Kind.values().length];

    public TrackingService(TrackingUrls urls, SignalPublisher publisher, MeterRegistry metrics) {
        this.urls = urls;
        this.publisher = publisher;
        this.metrics = metrics;
        for (TrackingClaims.Kind k : TrackingClaims.Kind.values()) {
            accepted[k.ordinal()] = Counter.builder("surf.tracking.events").tag("kind", k.name()).register(metrics);
        }
    }

    /** A verified event, published: its claims and the event id it was published under. */
    public record Tracked(TrackingClaims claims, String eventId) {
    }

    public TrackingClaims verify(String token, TrackingClaims.Kind expected) throws TokenRejected {
        TrackingClaims c;
        try {
            c = urls.tokens().verify(token, System.currentTimeMillis());
        } catch (TokenRejected e) {
            reject(e.reason());
            throw e;
        }
        if (c.kind() != expected) {
            reject("wrong_kind");
            throw new TokenRejected("wrong_kind", "token is for " + c.kind() + ", not " + expected);
        }
        return c;
    }

    public void reject(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("surf.tracking.rejected")
                .description("Tracking requests refused (forged, altered, expired, malformed)")
                .tag("reason", r).register(metrics)).increment();
    }

    public CompletableFuture<Tracked> record(TrackingClaims c, TrackingClaims.Kind kind, long valueMicros) {
        SignalKind signalKind = switch (kind) {
            case IMPRESSION -> SignalKind.IMPRESSION;
            case CLICK -> SignalKind.CLICK;
            case CONVERSION -> SignalKind.CONVERSION;
        };
        String eventId = EventIds.derived(c.decisionId(), signalKind.name(), Long.toString(c.creativeId()));
        UserSignal signal = UserSignal.newBuilder().setEventId(eventId).setTimeMs(System.currentTimeMillis())
                .setKind(signalKind).setUserId(c.userId()).setDecisionId(c.decisionId())
                .setAdvertiserId(c.advertiserId()).setCampaignId(c.campaignId()).setAdSetId(c.adSetId())
                .setCreativeId(c.creativeId()).setPlacement(c.placement()).setPriceMicros(c.priceFor(kind))
                .setValueMicros(Math.max(0, valueMicros)).putAllExperimentVariants(c.variants()).build();
        return publisher.publish(signal).thenApply(meta -> {
            accepted[kind.ordinal()].increment();
            return new Tracked(c, eventId);
        });
    }

    public TrackingUrls urls() {
        return urls;
    }
}
