package dev.surf.ad.auction;

import java.util.Map;
import java.util.Set;

/**
 * What an experiment may change per request: the reserve price (CPM, micros) and the ranking model
 * version (empty = live model) and withhold creatives that a creative-set experiment gives only to
 * other variants. {@code variants} records experiment key -> variant for the signals.
 */
public record AuctionParameters(long reserveCpmMicros, String modelVersion, Map<String, String> variants,
                                Set<Long> withheldCreatives) {
    public AuctionParameters {
        if (reserveCpmMicros < 0) {
            throw new IllegalArgumentException("reserve must be >= 0");
        }
        modelVersion = modelVersion == null ? "" : modelVersion;
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        withheldCreatives = withheldCreatives == null ? Set.of() : Set.copyOf(withheldCreatives);
    }

    public AuctionParameters(long reserveCpmMicros, String modelVersion, Map<String, String> variants) {
        this(reserveCpmMicros, modelVersion, variants, Set.of());
    }

    public AuctionParameters withReserve(long reserve) {
        return new AuctionParameters(reserve, modelVersion, variants, withheldCreatives);
    }
}
