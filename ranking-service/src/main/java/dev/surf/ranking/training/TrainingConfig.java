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

    int epochs();

    double learningRate();

    double l2();

    long seed();

    /** Factor size k of the factorization-machine term; 0 = plain logistic regression. */
    int factors();

    int minExamples();

    int maxEvents();
}
