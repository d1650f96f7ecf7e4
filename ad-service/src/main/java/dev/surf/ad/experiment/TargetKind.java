package dev.surf.ad.experiment;

import java.util.Set;

/** What an experiment changes in the decision path, and the variant parameters each kind needs. */
public enum TargetKind {
    /** Ranking model version used to score candidates; param modelVersion. */
    RANKING_MODEL_VERSION(Set.of("modelVersion")),
    /** Auction reserve price in micros; param reservePriceMicros (a non-negative integer). */
    RESERVE_PRICE(Set.of("reservePriceMicros")),
    /** Creatives eligible to serve; param creativeIds (comma-separated creative ids). */
    CREATIVE_SET(Set.of("creativeIds"));

    private final Set<String> requiredParams;

    TargetKind(Set<String> requiredParams) {
        this.requiredParams = requiredParams;
    }

    public Set<String> requiredParams() {
        return requiredParams;
    }
}
