package dev.surf.ad.experiment;

/** Request bodies shared by the experiment tests. */
public final class ExperimentFixtures {
    private ExperimentFixtures() {
    }

    /** A two-variant ranking experiment, 50/50, in the given layer with the given traffic share. */
    public static String rankingExperiment(String key, String layer, int trafficPercent) {
        return """
                {"key": "%s", "name": "Ranker v2 vs v1", "hypothesis": "v2 lifts click rate by 3 %%",
                 "targetKind": "RANKING_MODEL_VERSION", "layer": "%s", "trafficPercent": %d,
                 "primaryMetric": "CLICK_RATE", "guardrailMetrics": ["SPEND_PER_USER"],
                 "variants": [
                   {"key": "control", "name": "v1", "allocationPercent": 50, "control": true, "params": {"modelVersion": "v1"}},
                   {"key": "treatment", "name": "v2", "allocationPercent": 50, "params": {"modelVersion": "v2"}}
                 ]}""".formatted(key, layer, trafficPercent);
    }
}
