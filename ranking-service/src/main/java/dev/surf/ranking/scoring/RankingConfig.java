package dev.surf.ranking.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every ranking-service setting under surf.ranking (defaults in application.properties). */
@ConfigMapping(prefix = "surf.ranking")
public interface RankingConfig {
    /** The registry name of the model this replica serves. */
    String modelName();

    int maxCandidates();

    Batch batch();

    Onnx onnx();

    Prior prior();

    Registry registry();

    interface Batch {
        /** Most candidate rows in one session.run. */
        int maxRows();

        /** Longest a request waits for others to join its batch. */
        Duration maxWait();

        int queueCapacity();

        int workers();
    }

    interface Onnx {
        /** cpu or cuda. */
        String executionProvider();

        @WithDefault("0")
        int cudaDevice();

        /** 0 = ONNX Runtime's default. */
        int intraOpThreads();
    }

    interface Prior {
        double ctr();

        double cvr();

        double strength();
    }

    interface Registry {
        int maxModelBytes();
    }
}
