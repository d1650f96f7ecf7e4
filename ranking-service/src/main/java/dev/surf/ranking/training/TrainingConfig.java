package dev.surf.ranking.training;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Trainer settings under surf.ranking.training. */
@ConfigMapping(prefix = "surf.ranking.training")
public interface TrainingConfig {
    /** A click counts for an impression when it follows within this window. */
    Duration clickWindow();

    /** A conversion counts for a click when it follows within this window. */
    Duration conversionWindow();

    /** Window of the per-user behaviour features (the feature store uses the same). */
    Duration userWindow();

    double holdoutFraction();

    /** Passes over the training rows (model = linear; dlrm has its own). */
    int epochs();

    double learningRate();

    double l2();

    long seed();

    /** Model family: {@code linear} (logistic regression, a factorization machine when {@link #factors} > 0) or {@code dlrm}. */
    ModelKind model();

    /** Factor size k of the factorization-machine term; 0 = plain logistic regression (model = linear only). */
    int factors();

    /** Network shape and SGD of model = dlrm (l2 and seed are the shared ones). */
    Dlrm dlrm();

    interface Dlrm {
        /** Passes over the training rows; deep CTR models overfit quickly, so fewer than the linear models' {@link TrainingConfig#epochs}. */
        int epochs();

        /** Size d of every embedding row and of the bottom MLP's output. */
        int embeddingDim();

        /** Hidden units of the bottom MLP (dense features -> hidden -> d). */
        int bottomHidden();

        /** Hidden units of the top MLP (d + 136 dots -> hidden -> 1). */
        int topHidden();

        /** Rows per AdaGrad step of the MLPs (embeddings step every row). */
        int batchSize();

        double learningRate();
    }

    int minExamples();

    int maxEvents();
}
