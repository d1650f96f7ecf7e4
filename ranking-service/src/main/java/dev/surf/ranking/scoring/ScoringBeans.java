package dev.surf.ranking.scoring;

import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.registry.ModelRepository;
import dev.surf.ranking.registry.ModelValidator;
import dev.surf.ranking.registry.RegistryService;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain scoring classes (which benchmarks build by hand) from configuration. */
@Singleton
public class ScoringBeans {

    @Produces
    @Singleton
    SessionFactory sessionFactory(RankingConfig config) {
        return new SessionFactory(config.onnx().executionProvider(), config.onnx().cudaDevice(), config.onnx().intraOpThreads());
    }

    @Produces
    @Singleton
    ModelHolder modelHolder() {
        return new ModelHolder();
    }

    @Produces
    @Singleton
    Priors priors(RankingConfig config) {
        return new Priors(config.prior().ctr(), config.prior().cvr(), config.prior().strength());
    }

    @Produces
    @Singleton
    ServedModels servedModels(ModelHolder holder, RegistryService registry, ModelRepository repository, SessionFactory sessions,
                              RankingConfig config) {
        return new ServedModels(holder, registry, repository, sessions, config.namedVersions().maxLoaded());
    }

    @Produces
    @Singleton
    RowBufferPool rowBuffers(RankingConfig config) {
        // Room for the largest request and the largest batch; a few per leader and per request in flight.
        return new RowBufferPool(Math.max(config.maxCandidates(), config.batch().maxRows()), 4 * config.batch().leaders() + 8);
    }

    @Produces
    @Singleton
    MicroBatcher batcher(ServedModels models, SessionFactory sessions, RowBufferPool buffers, RankingConfig config,
                         MeterRegistry registry) {
        DistributionSummary rows = DistributionSummary.builder("surf_ranking_batch_rows")
                .description("candidate rows per ONNX Runtime run").register(registry);
        return new MicroBatcher(models, sessions, buffers, config.batch().maxRows(), config.batch().maxWait(),
                config.batch().queueCapacity(), config.batch().leaders(), rows::record);
    }

    void closeBatcher(@Disposes MicroBatcher batcher) {
        batcher.close();
    }

    @Produces
    @Singleton
    ScoreFeatureBuilder featureBuilder(FeatureLookup lookup, Priors priors, RowBufferPool buffers) {
        return new ScoreFeatureBuilder(lookup, priors, buffers);
    }

    @Produces
    @Singleton
    ScoreRequestValidator validator(RankingConfig config) {
        return new ScoreRequestValidator(config.maxCandidates());
    }

    @Produces
    @Singleton
    ModelValidator modelValidator(SessionFactory sessions, RankingConfig config) {
        return new ModelValidator(sessions, config.registry().maxModelBytes());
    }
}
