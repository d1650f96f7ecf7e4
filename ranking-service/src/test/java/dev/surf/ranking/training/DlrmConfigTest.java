package dev.surf.ranking.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.surf.ranking.model.DlrmModel;
import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.Priors;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** application.properties' trainer defaults, and surf.ranking.training.model choosing what TrainingService trains. */
class DlrmConfigTest {
    private static final Priors PRIORS = new Priors(0.01, 0.05, 100);

    private static TrainingConfig config(Map<String, String> overrides) throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = DlrmConfigTest.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(TrainingConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus' "1h" / "7d" form
                .withSources(new PropertiesConfigSource(overrides, "test", 500))
                .withSources(new PropertiesConfigSource(defaults, "application.properties", 250))
                .build();
        return config.getConfigMapping(TrainingConfig.class);
    }

    @Test
    void defaultsTrainLogisticRegressionAndModelDlrmTrainsTheNetwork() throws IOException {
        TrainingConfig linear = config(Map.of());
        assertEquals(ModelKind.LINEAR, linear.model());
        assertEquals(0, linear.factors());
        TrainingConfig dlrm = config(Map.of("surf.ranking.training.model", "dlrm", "surf.ranking.training.dlrm.embedding-dim", "4"));
        assertEquals(ModelKind.DLRM, dlrm.model());
        assertEquals(1, dlrm.dlrm().epochs());

        List<Example> examples = new ExampleBuilder(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(7), PRIORS)
                .build(SyntheticSignals.generate(2_000, 7, 1_700_000_000_000L));
        assertInstanceOf(LogisticModel.class, new TrainingService(null, null, PRIORS, linear, "unused").train(examples).model());
        var trained = new TrainingService(null, null, PRIORS, dlrm, "unused").train(examples).model();
        assertEquals(4, assertInstanceOf(DlrmModel.class, trained).ctr().dim());
    }
}
