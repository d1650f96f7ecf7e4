package dev.surf.ad.experiment.api;

import dev.surf.ad.experiment.Decision;
import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.ExperimentStatus;
import dev.surf.ad.experiment.Metric;
import dev.surf.ad.experiment.TargetKind;
import dev.surf.ad.experiment.Variant;
import java.time.Instant;
import java.util.List;

/** An experiment as the API shows it (the hashing salt stays internal). */
public record ExperimentView(long id, String key, String name, String hypothesis, TargetKind targetKind, String layer,
                             int trafficPercent, ExperimentStatus status, Metric primaryMetric,
                             List<Metric> guardrailMetrics, Slice layerSlice, Instant startedAt, Instant stoppedAt,
                             Instant createdAt, Instant updatedAt, long version, List<Variant> variants,
                             List<Decision> decisions) {

    /** The layer buckets [start, end) of 10,000 the experiment held while running. */
    public record Slice(int start, int end) {
    }

    public static ExperimentView of(Experiment e) {
        return new ExperimentView(e.id(), e.key(), e.name(), e.hypothesis(), e.targetKind(), e.layer(), e.trafficPercent(),
                e.status(), e.primaryMetric(), e.guardrailMetrics(),
                e.sliceStart() == null ? null : new Slice(e.sliceStart(), e.sliceEnd()), e.startedAt(), e.stoppedAt(),
                e.createdAt(), e.updatedAt(), e.version(), e.variants(), e.decisions());
    }
}
