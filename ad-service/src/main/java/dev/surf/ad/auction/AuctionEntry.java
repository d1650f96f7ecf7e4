package dev.surf.ad.auction;

/**
 * One candidate in an auction: its ids, how it bids, and the predicted rates. {@code index} points
 * back at the caller's candidate so the hot path needs no map lookups.
 */
public record AuctionEntry(int index, long campaignId, long creativeId, BidStrategy strategy, long bidMicros,
                           double pCtr, double pCvr) {

    /** Expected revenue per thousand impressions, in micros. */
    public double ecpmMicros() {
        return switch (strategy) {
            case CPM -> bidMicros;
            case CPC -> bidMicros * pCtr * 1000.0;
            case TARGET_CPA -> bidMicros * pCtr * pCvr * 1000.0;
        };
    }

    /**
     * Turns a clearing eCPM back into this entry's own billing unit (per impression, per click or per
     * conversion), never above its bid, at least 1 micro.
     */
    public long chargeFor(double clearingEcpmMicros) {
        double perUnit = switch (strategy) {
            case CPM -> clearingEcpmMicros / 1000.0;
            case CPC -> pCtr > 0 ? clearingEcpmMicros / (pCtr * 1000.0) : bidMicros;
            case TARGET_CPA -> pCtr * pCvr > 0 ? clearingEcpmMicros / (pCtr * pCvr * 1000.0) : bidMicros;
        };
        long cap = strategy == BidStrategy.CPM ? Math.max(1, bidMicros / 1000) : bidMicros;
        return Math.max(1, Math.min(cap, Math.round(perUnit)));
    }
}
