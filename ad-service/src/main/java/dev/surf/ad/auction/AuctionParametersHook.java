package dev.surf.ad.auction;

/**
 * Per-request override of the auction parameters (experiment hook). The experiment engine's
 * assigner implements this when merged: it sees the user and placement and returns the defaults
 * changed by the variants the user is in.
 */
@FunctionalInterface
public interface AuctionParametersHook {
    AuctionParameters resolve(String userId, String placement, AuctionParameters defaults);

    /** Called once a decision with these parameters served at least one ad (exposure logging). */
    default void served(String userId, String decisionId, AuctionParameters used) {
    }

    AuctionParametersHook NONE = (user, placement, defaults) -> defaults;
}
