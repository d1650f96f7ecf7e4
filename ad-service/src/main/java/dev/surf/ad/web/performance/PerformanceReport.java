package dev.surf.ad.web.performance;

import java.time.Instant;
import java.util.List;

/** A campaign's delivery over [from, to): a zero-filled time series plus breakdowns. */
public record PerformanceReport(long campaignId, String granularity, String timeZone, Instant from, Instant to,
        Totals totals, List<Point> series, List<CreativeRow> byCreative, List<AdSetRow> byAdSet) {

    /** One bucket; {@code bucket} is its start (a local midnight in the campaign's zone for days). */
    public record Point(Instant bucket, long impressions, long clicks, long conversions, long spendMicros,
            long conversionValueMicros) {
    }

    /** creativeId 0 = delivery not attributed to a creative. */
    public record CreativeRow(long creativeId, String headline, long impressions, long clicks, long conversions,
            long spendMicros, long conversionValueMicros) {
    }

    /** adSetId 0 = delivery not attributed to an ad set. */
    public record AdSetRow(long adSetId, String name, long impressions, long clicks, long conversions,
            long spendMicros, long conversionValueMicros) {
    }
}
