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

    /** Synthetic Score requests run at startup, before the replica reports ready (0 = none). */
    int warmUpRequests();

    Batch batch();

    /** Registry versions an A/B test may ask for by name, besides the live one. */
    NamedVersions namedVersions();

    interface NamedVersions {
        /** Most named versions kept loaded at once (least recently used is unloaded first). */
        int maxLoaded();
    }

    Onnx onnx();

    Prior prior();

    Registry registry();

    interface Batch {
        /** Most candidate rows in one session.run. */
        int maxRows();

        /** Longest a request waits for others to join its batch. */
        Duration maxWait();

        int queueCapacity();

        /** Batches that may run at the same time (each on the thread of the call that leads it). */
        int leaders();
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
