package dev.surf.ranking.model;

/** Impression, click and conversion counts of one entity (creative, campaign, user) in a window. */
public record Counters(long impressions, long clicks, long conversions) {
    public static final Counters ZERO = new Counters(0, 0, 0);

    public Counters plus(Counters o) {
        return new Counters(impressions + o.impressions, clicks + o.clicks, conversions + o.conversions);
    }
}
