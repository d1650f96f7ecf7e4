package dev.surf.ad.auction;

import java.util.Map;

/**
 * What an experiment may change per request: the reserve price (CPM, micros) and the ranking model
 * version (empty = live model). {@code variants} records experiment key -> variant for the signals.
 */
public record AuctionParameters(long reserveCpmMicros, String modelVersion, Map<String, String> variants) {
    public AuctionParameters {
        if (reserveCpmMicros < 0) {
            throw new IllegalArgumentException("reserve must be >= 0");
        }
        modelVersion = modelVersion == null ? "" : modelVersion;
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }

    public AuctionParameters withReserve(long reserve) {
        return new AuctionParameters(reserve, modelVersion, variants);
    }
}
