package dev.surf.ad.auction;

/** How a campaign pays: per thousand impressions, per click, or per conversion at a target cost. */
public enum BidStrategy {
    CPM, CPC, TARGET_CPA;

    public static BidStrategy parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
