package dev.surf.ad.experiment;

/** Request bodies and helpers shared by the experiment tests. */
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

    /** GET .../results as doubles, not JsonPath's default floats: p-values are compared to 1e-9. */
    public static io.restassured.path.json.JsonPath results(long id) {
        return io.restassured.RestAssured.given().get("/api/v1/experiments/" + id + "/results").then().statusCode(200)
                .extract().jsonPath().using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** Polls {@code condition} for up to 60 s, then asserts it. */
    public static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        org.junit.jupiter.api.Assertions.assertTrue(condition.getAsBoolean(), what);
    }
}
