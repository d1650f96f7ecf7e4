package dev.surf.ad.experiment.api;

import java.util.List;
import java.util.Map;

/** Body of create and update. Enumerations arrive as text so a bad value is a 422 field error. */
public record ExperimentRequest(String key, String name, String hypothesis, String targetKind, String layer,
                                Integer trafficPercent, String primaryMetric, List<String> guardrailMetrics,
                                List<VariantRequest> variants) {

    public record VariantRequest(String key, String name, Integer allocationPercent, Boolean control,
                                 Map<String, String> params) {
    }
}
