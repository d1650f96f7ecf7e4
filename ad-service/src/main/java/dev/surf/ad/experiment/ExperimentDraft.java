package dev.surf.ad.experiment;

import java.util.List;

/** The editable definition of an experiment, validated by {@link ExperimentValidator}. */
public record ExperimentDraft(String key, String name, String hypothesis, TargetKind targetKind, String layer,
                              int trafficPercent, Metric primaryMetric, List<Metric> guardrailMetrics,
                              List<Variant> variants) {
}
