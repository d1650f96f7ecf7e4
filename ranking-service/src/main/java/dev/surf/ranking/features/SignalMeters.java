package dev.surf.ranking.features;

import dev.surf.events.v1.SignalKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the feature store read from surf.signals.v1: {@code surf_signals_consumed_total{kind}} and
 * {@code surf_signals_rejected_total{service="ranking"}} (records that are not a UserSignal). A
 * liveness view of the stream, counted by the feature store's own processor (no consumer group of its
 * own); like the feature counts, at-least-once: a record replayed after a crash counts again.
 */
public final class SignalMeters {
    private final Map<SignalKind, Counter> consumed = new EnumMap<>(SignalKind.class);
    private final Counter rejected;

    public SignalMeters(MeterRegistry registry) {
        for (SignalKind kind : SignalKind.values()) {
            if (kind != SignalKind.UNRECOGNIZED) {
                consumed.put(kind, registry.counter("surf_signals_consumed_total", "kind", kind.name()));
            }
        }
        this.rejected = registry.counter("surf_signals_rejected_total", "service", "ranking");
    }

    void consumed(SignalKind kind) {
        Counter c = consumed.get(kind);
        if (c != null) {
            c.increment();
        }
    }

    void rejected() {
        rejected.increment();
    }
}
