package dev.surf.ad.experiment.results;

/** One row of experiment_variant_stats. */
public record VariantTotals(String variantKey, long users, long exposures, long impressions, long clicks, long conversions,
                            long clickedUsers, long convertedUsers, long spendMicros, double spendSquareSum,
                            long mismatchedEvents) {
    static VariantTotals empty(String key) {
        return new VariantTotals(key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
