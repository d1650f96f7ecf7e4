package dev.surf.ad.auction;

/**
 * A won slot: the entry, its eCPM, the clearing eCPM it pays (generalized second price) and the
 * charge per billable event in its own unit (impression for CPM, click for CPC, conversion for CPA).
 */
public record Winner(AuctionEntry entry, int slot, double ecpmMicros, double clearingEcpmMicros, long chargeMicros) {
}
