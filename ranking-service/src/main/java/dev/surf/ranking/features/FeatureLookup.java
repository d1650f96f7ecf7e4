package dev.surf.ranking.features;

import dev.surf.ranking.model.Counters;

/** Behaviour counts the scorer's feature builder reads; the feature store answers them in-process. */
public interface FeatureLookup {
    Counters user(String userId);

    long userCategoryClicks(String userId, String category);

    Counters creative(long creativeId);

    Counters campaign(long campaignId);

    /** No history at all: every dense feature falls back to the priors. */
    FeatureLookup NONE = new FeatureLookup() {
        @Override
        public Counters user(String userId) {
            return Counters.ZERO;
        }

        @Override
        public long userCategoryClicks(String userId, String category) {
            return 0;
        }

        @Override
        public Counters creative(long creativeId) {
            return Counters.ZERO;
        }

        @Override
        public Counters campaign(long campaignId) {
            return Counters.ZERO;
        }
    };
}
