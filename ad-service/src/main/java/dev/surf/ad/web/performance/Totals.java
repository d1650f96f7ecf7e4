package dev.surf.ad.web.performance;

/** Delivery counts over some period; money in micros. */
public record Totals(long impressions, long clicks, long conversions, long spendMicros, long conversionValueMicros) {
    static Totals of(Object[] row, int offset) {
        return new Totals(n(row[offset]), n(row[offset + 1]), n(row[offset + 2]), n(row[offset + 3]), n(row[offset + 4]));
    }

    static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
