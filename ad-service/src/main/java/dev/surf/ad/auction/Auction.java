package dev.surf.ad.auction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generalized second-price auction over eCPM. Pure: no clock, no randomness, so the same input
 * always gives the same winners and prices.
 *
 * <ul>
 *   <li>eCPM: CPM = bid; CPC = bid x pCTR x 1000; target CPA = target x pCTR x pCVR x 1000.</li>
 *   <li>Entries below the reserve eCPM are out.</li>
 *   <li>Order: eCPM descending, then lower campaign id, then lower creative id (deterministic ties).</li>
 *   <li>At most one slot per campaign; slot k pays max(eCPM of the next eligible entry, reserve),
 *       converted into its own billing unit and never above its own bid.</li>
 * </ul>
 */
public final class Auction {
    private static final Comparator<Ranked> ORDER = Comparator.comparingDouble((Ranked r) -> -r.ecpm)
            .thenComparingLong(r -> r.entry.campaignId())
            .thenComparingLong(r -> r.entry.creativeId());

    private Auction() {
    }

    private record Ranked(AuctionEntry entry, double ecpm) {
    }

    public static List<Winner> run(List<AuctionEntry> entries, AuctionParameters params, int slots) {
        if (slots <= 0 || entries.isEmpty()) {
            return List.of();
        }
        double reserve = params.reserveCpmMicros();
        Ranked[] ranked = new Ranked[entries.size()];
        int n = 0;
        for (AuctionEntry e : entries) {
            double ecpm = e.ecpmMicros();
            if (Double.isFinite(ecpm) && ecpm > 0 && ecpm >= reserve) {
                ranked[n++] = new Ranked(e, ecpm);
            }
        }
        Arrays.sort(ranked, 0, n, ORDER);
        // One entry per campaign: the best creative of a campaign stands for it, the rest drop out.
        List<Ranked> eligible = new ArrayList<>(Math.min(n, slots + 1));
        long[] seen = new long[Math.min(n, slots + 1)];
        int seenCount = 0;
        for (int i = 0; i < n && eligible.size() <= slots; i++) {
            long campaign = ranked[i].entry.campaignId();
            boolean dup = false;
            for (int j = 0; j < seenCount; j++) {
                if (seen[j] == campaign) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                seen[seenCount++] = campaign;
                eligible.add(ranked[i]);
            }
        }
        int won = Math.min(slots, eligible.size());
        List<Winner> winners = new ArrayList<>(won);
        for (int k = 0; k < won; k++) {
            Ranked r = eligible.get(k);
            double next = k + 1 < eligible.size() ? eligible.get(k + 1).ecpm : 0;
            double clearing = Math.min(r.ecpm, Math.max(next, reserve));
            winners.add(new Winner(r.entry, k, r.ecpm, clearing, r.entry.chargeFor(clearing)));
        }
        return winners;
    }
}
