package dev.surf.ad.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples: eCPM per bid strategy, GSP prices, reserve, ties, one slot per campaign. */
class AuctionTest {
    private static final AuctionParameters NO_RESERVE = new AuctionParameters(0, "", null);

    @Test
    void ecpmPerStrategy() {
        // CPM 2.00 -> eCPM 2.00 (2,000,000 micros)
        assertEquals(2_000_000, new AuctionEntry(0, 1, 1, BidStrategy.CPM, 2_000_000, 0.5, 0.5).ecpmMicros(), 1e-6);
        // CPC 0.50 at pCTR 2% -> 0.50 x 0.02 x 1000 = 10.00 CPM
        assertEquals(10_000_000, new AuctionEntry(0, 1, 1, BidStrategy.CPC, 500_000, 0.02, 0).ecpmMicros(), 1e-6);
        // target CPA 20.00 at pCTR 1%, pCVR 5% -> 20 x 0.01 x 0.05 x 1000 = 10.00 CPM
        assertEquals(10_000_000, new AuctionEntry(0, 1, 1, BidStrategy.TARGET_CPA, 20_000_000, 0.01, 0.05).ecpmMicros(), 1e-3);
    }

    @Test
    void secondPriceConvertedIntoEachWinnersUnit() {
        // A: CPC 1.00, pCTR 3% -> 30 CPM.  B: CPM 12 -> 12 CPM.  C: CPA 50, 1% x 2% -> 10 CPM.
        List<AuctionEntry> entries = List.of(
                new AuctionEntry(0, 10, 100, BidStrategy.CPC, 1_000_000, 0.03, 0.1),
                new AuctionEntry(1, 20, 200, BidStrategy.CPM, 12_000_000, 0.01, 0.1),
                new AuctionEntry(2, 30, 300, BidStrategy.TARGET_CPA, 50_000_000, 0.01, 0.02));
        List<Winner> w = Auction.run(entries, NO_RESERVE, 2);
        assertEquals(2, w.size());
        // Slot 0: A pays B's 12 CPM -> per click 12 / (0.03 x 1000) = 0.40
        assertEquals(10, w.get(0).entry().campaignId());
        assertEquals(12_000_000, w.get(0).clearingEcpmMicros(), 1e-6);
        assertEquals(400_000, w.get(0).chargeMicros());
        // Slot 1: B pays C's 10 CPM -> per impression 10 / 1000 = 0.01
        assertEquals(20, w.get(1).entry().campaignId());
        assertEquals(10_000_000, w.get(1).clearingEcpmMicros(), 1e-6);
        assertEquals(10_000, w.get(1).chargeMicros());
    }

    @Test
    void reserveExcludesLowBidsAndSetsTheLastPrice() {
        AuctionParameters reserve = new AuctionParameters(5_000_000, "", null); // 5 CPM
        List<AuctionEntry> entries = List.of(
                new AuctionEntry(0, 1, 1, BidStrategy.CPM, 8_000_000, 0, 0),
                new AuctionEntry(1, 2, 2, BidStrategy.CPM, 4_000_000, 0, 0));
        List<Winner> w = Auction.run(entries, reserve, 2);
        assertEquals(1, w.size(), "the 4 CPM bid is under the 5 CPM reserve");
        assertEquals(5_000_000, w.get(0).clearingEcpmMicros(), 1e-6, "alone above reserve: pays the reserve");
        assertEquals(5_000, w.get(0).chargeMicros());
    }

    @Test
    void tiesBreakByCampaignThenCreativeIdWhateverTheInputOrder() {
        List<AuctionEntry> a = List.of(
                new AuctionEntry(0, 7, 71, BidStrategy.CPM, 3_000_000, 0, 0),
                new AuctionEntry(1, 3, 31, BidStrategy.CPM, 3_000_000, 0, 0),
                new AuctionEntry(2, 5, 51, BidStrategy.CPM, 3_000_000, 0, 0));
        List<AuctionEntry> b = List.of(a.get(2), a.get(0), a.get(1));
        List<Winner> wa = Auction.run(a, NO_RESERVE, 3);
        List<Winner> wb = Auction.run(b, NO_RESERVE, 3);
        assertEquals(List.of(3L, 5L, 7L), wa.stream().map(x -> x.entry().campaignId()).toList());
        assertEquals(wa.stream().map(x -> x.entry().campaignId()).toList(), wb.stream().map(x -> x.entry().campaignId()).toList());
        assertEquals(3_000_000, wa.get(0).clearingEcpmMicros(), 1e-6, "equal bids pay the equal bid");
    }

    @Test
    void oneSlotPerCampaignAndPriceNeverAboveBid() {
        List<AuctionEntry> entries = List.of(
                new AuctionEntry(0, 1, 11, BidStrategy.CPM, 9_000_000, 0, 0),
                new AuctionEntry(1, 1, 12, BidStrategy.CPM, 8_000_000, 0, 0),
                new AuctionEntry(2, 2, 21, BidStrategy.CPM, 6_000_000, 0, 0));
        List<Winner> w = Auction.run(entries, NO_RESERVE, 2);
        assertEquals(List.of(1L, 2L), w.stream().map(x -> x.entry().campaignId()).toList());
        assertEquals(11, w.get(0).entry().creativeId(), "best creative stands for its campaign");
        assertEquals(6_000_000, w.get(0).clearingEcpmMicros(), 1e-6, "next eligible is campaign 2, not its own creative");
        for (Winner x : w) {
            assertTrue(x.clearingEcpmMicros() <= x.ecpmMicros());
        }
    }

    @Test
    void garbageScoresNeverWin() {
        List<AuctionEntry> entries = List.of(
                new AuctionEntry(0, 1, 1, BidStrategy.CPC, 1_000_000, Double.NaN, 0),
                new AuctionEntry(1, 2, 2, BidStrategy.CPC, 1_000_000, 0, 0));
        assertTrue(Auction.run(entries, NO_RESERVE, 1).isEmpty());
    }

    @Test
    void experimentHookChangesReserve() {
        AuctionParametersHook hook = (user, placement, d) -> user.hashCode() % 2 == 0 ? d.withReserve(9_000_000) : d;
        AuctionParameters p = hook.resolve("u2", "feed", new AuctionParameters(100_000, "", null));
        List<AuctionEntry> entries = List.of(new AuctionEntry(0, 1, 1, BidStrategy.CPM, 8_000_000, 0, 0));
        assertEquals("u2".hashCode() % 2 == 0 ? 0 : 1, Auction.run(entries, p, 1).size());
    }
}
