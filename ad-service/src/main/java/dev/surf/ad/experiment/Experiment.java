package dev.surf.ad.experiment;

import java.time.Instant;
import java.util.List;

/** A stored experiment with its variants and decisions. */
public record Experiment(long id, String key, String name, String hypothesis, TargetKind targetKind, String layer,
                         int trafficPercent, String salt, ExperimentStatus status, Metric primaryMetric,
                         List<Metric> guardrailMetrics, Integer sliceStart, Integer sliceEnd, Instant startedAt,
                         Instant stoppedAt, Instant createdAt, Instant updatedAt, long version,
                         List<Variant> variants, List<Decision> decisions) {

    public Variant control() {
        return variants.stream().filter(Variant::control).findFirst().orElse(variants.getFirst());
    }
}
