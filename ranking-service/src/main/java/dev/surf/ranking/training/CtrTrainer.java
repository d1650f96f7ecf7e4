package dev.surf.ranking.training;

import dev.surf.ranking.model.DlrmModel;
import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.TwoHeadModel;
import java.util.List;

/**
 * Trains the two heads of a model on time-ordered examples: the newest {@code holdoutFraction} is the
 * holdout, the rest trains. CTR learns from every impression, CVR from clicked impressions only (it
 * predicts conversion given a click). The model kind is the {@link Heads} it is given.
 */
public final class CtrTrainer<M extends TwoHeadModel> {
    /** Fits both heads of one model kind: CTR on {@link TrainingSplit#ctrRows}, CVR on {@link TrainingSplit#cvrRows}. */
    @FunctionalInterface
    public interface Heads<M extends TwoHeadModel> {
        M fit(TrainingSplit split);
    }

    private final Heads<M> heads;
    private final double holdoutFraction;

    public CtrTrainer(Heads<M> heads, double holdoutFraction) {
        this.heads = heads;
        this.holdoutFraction = holdoutFraction;
    }

    /** Logistic regression, or a factorization machine when {@code options.factors() > 0}. */
    public static CtrTrainer<LogisticModel> logistic(HashedLogisticTrainer.Options options, double holdoutFraction) {
        return new CtrTrainer<>(split -> logisticHeads(options, split), holdoutFraction);
    }

    /** Two independent DLRM networks. */
    public static CtrTrainer<DlrmModel> dlrm(DlrmTrainer.Options options, double holdoutFraction) {
        var trainer = new DlrmTrainer(ModelContract.HASH_BUCKETS, ModelContract.SPARSE_SLOTS, ModelContract.DENSE_FEATURES, options);
        return new CtrTrainer<>(split -> new DlrmModel(
                trainer.train(split.ids(), split.x(), split.click(), split.ctrRows()),
                trainer.train(split.ids(), split.x(), split.conv(), split.cvrRows())), holdoutFraction);
    }

    /** {@code examples} must be in time order (as {@link ExampleBuilder} returns them). */
    public TrainedModel<M> train(List<Example> examples) {
        TrainingSplit split = TrainingSplit.of(examples, holdoutFraction);
        return TrainedModel.evaluate(heads.fit(split), split);
    }

    private static LogisticModel logisticHeads(HashedLogisticTrainer.Options options, TrainingSplit split) {
        int dense = ModelContract.DENSE_FEATURES;
        var trainer = new HashedLogisticTrainer(ModelContract.HASH_BUCKETS, ModelContract.SPARSE_SLOTS, dense, options);
        var ctrHead = trainer.train(split.ids(), split.x(), split.click(), split.ctrRows());
        var cvrHead = trainer.train(split.ids(), split.x(), split.conv(), split.cvrRows());

        int k = options.factors();
        LogisticModel model = LogisticModel.zeros(k);
        for (int b = 0; b < ModelContract.HASH_BUCKETS; b++) {
            model.sparse()[b * 2] = (float) ctrHead.sparse()[b];
            model.sparse()[b * 2 + 1] = (float) cvrHead.sparse()[b];
            for (int f = 0; f < k; f++) {
                model.factors()[(b * 2) * k + f] = (float) ctrHead.factors()[b * k + f];
                model.factors()[(b * 2 + 1) * k + f] = (float) cvrHead.factors()[b * k + f];
            }
        }
        for (int d = 0; d < dense; d++) {
            model.dense()[d * 2] = (float) ctrHead.dense()[d];
            model.dense()[d * 2 + 1] = (float) cvrHead.dense()[d];
        }
        model.bias()[0] = (float) ctrHead.bias();
        model.bias()[1] = (float) cvrHead.bias();
        return model;
    }
}
