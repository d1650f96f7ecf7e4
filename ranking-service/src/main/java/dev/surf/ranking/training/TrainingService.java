package dev.surf.ranking.training;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.surf.ranking.api.ProblemException;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.OnnxExporter;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.registry.ModelVersionInfo;
import dev.surf.ranking.registry.RegistryService;
import dev.surf.ranking.scoring.ModelRunner;
import dev.surf.ranking.scoring.SessionFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One training run: snapshot the signal log, build examples, train, evaluate on the time-ordered
 * holdout, export ONNX, check that ONNX Runtime reproduces the trainer's holdout scores to 1e-5, and
 * register the result as a candidate (promotion is a separate, deliberate step).
 */
@ApplicationScoped
public class TrainingService {
    public static final double PARITY_TOLERANCE = 1e-5;

    private final RegistryService registry;
    private final SessionFactory sessions;
    private final Priors priors;
    private final String bootstrapServers;
    private final TrainingConfig config;

    public TrainingService(RegistryService registry, SessionFactory sessions, Priors priors, TrainingConfig config,
                           @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.registry = registry;
        this.sessions = sessions;
        this.priors = priors;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** The registered version and its metrics. */
    public record Report(ModelVersionInfo version, Map<String, Double> metrics) {
    }

    public synchronized Report trainAndRegister() {
        var signals = SignalLog.snapshot(bootstrapServers, config.maxEvents(), Duration.ofSeconds(60));
        List<Example> examples = new ExampleBuilder(config.clickWindow(), config.conversionWindow(), config.userWindow(), priors)
                .build(signals);
        if (examples.size() < config.minExamples()) {
            throw new ProblemException(409, "Not enough data", "training needs at least " + config.minExamples()
                    + " impressions with final labels, found " + examples.size() + " in " + signals.size() + " signals");
        }
        TrainedModel<?> result = train(examples);
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        if (config.model() == ModelKind.DLRM) {
            metrics.put("dlrm_embedding_dim", (double) config.dlrm().embeddingDim());
        } else {
            metrics.put("fm_factors", (double) config.factors());
        }
        byte[] onnx = OnnxExporter.export(result.model(), Map.of("surf.source", "trainer", "surf.seed", Long.toString(config.seed())));
        double diff = maxParityDiff(result, onnx);
        if (!(diff <= PARITY_TOLERANCE)) {
            throw new IllegalStateException("exported model disagrees with the trainer by " + diff + " on the holdout");
        }
        metrics.put("onnx_max_abs_diff", diff);
        return new Report(registry.register(onnx, metrics, "trainer"), metrics);
    }

    /** Trains the configured model kind (package-private for the tests). */
    TrainedModel<?> train(List<Example> examples) {
        return switch (config.model()) {
            case LINEAR -> CtrTrainer.logistic(new HashedLogisticTrainer.Options(config.epochs(), config.learningRate(), config.l2(),
                    config.seed(), true, config.factors()), config.holdoutFraction()).train(examples);
            case DLRM -> {
                TrainingConfig.Dlrm d = config.dlrm();
                yield CtrTrainer.dlrm(new DlrmTrainer.Options(d.epochs(), d.learningRate(), config.l2(), config.seed(),
                        d.embeddingDim(), d.bottomHidden(), d.topHidden(), d.batchSize()), config.holdoutFraction()).train(examples);
            }
        };
    }

    /** Largest |ONNX Runtime score - trainer score| over the holdout, both heads. */
    public double maxParityDiff(TrainedModel<?> result, byte[] onnx) {
        List<Example> holdout = result.holdout();
        int n = holdout.size();
        if (n == 0) {
            return 0;
        }
        long[] ids = new long[n * ModelContract.SPARSE_SLOTS];
        float[] x = new float[n * ModelContract.DENSE_FEATURES];
        for (int i = 0; i < n; i++) {
            System.arraycopy(holdout.get(i).sparse(), 0, ids, i * ModelContract.SPARSE_SLOTS, ModelContract.SPARSE_SLOTS);
            System.arraycopy(holdout.get(i).dense(), 0, x, i * ModelContract.DENSE_FEATURES, ModelContract.DENSE_FEATURES);
        }
        try (OrtSession s = sessions.create(onnx)) {
            float[][] out = ModelRunner.run(sessions.environment(), s, ids, x, n);
            double max = 0;
            for (int i = 0; i < n; i++) {
                for (int h = 0; h < 2; h++) {
                    double own = result.model().predict(ids, i * ModelContract.SPARSE_SLOTS, x, i * ModelContract.DENSE_FEATURES, h);
                    max = Math.max(max, Math.abs(own - out[h][i]));
                }
            }
            return max;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not run the exported model", e);
        }
    }
}
