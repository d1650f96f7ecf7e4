package dev.surf.ad.decision;

import dev.surf.ad.auction.BidStrategy;
import dev.surf.ad.pacing.BudgetPacer;
import java.time.ZoneId;

/**
 * One servable (campaign, ad set, creative) with everything the filters, the ranking call, the
 * auction and the response need, lowercased and pre-parsed at index time so the hot path only
 * compares. Empty targeting arrays mean no restriction. {@code pacing} is the campaign's pacing slot,
 * resolved when the candidate is loaded.
 */
public record Candidate(long campaignId, long advertiserId, long adSetId, long creativeId,
                        BidStrategy strategy, long bidMicros, long dailyBudgetMicros,
                        long startMs, long endMs, ZoneId zone,
                        String[] countries, String[] regions, int ageMin, int ageMax, String[] genders,
                        String[] interests, String[] keywords, String[] placements, String[] devices,
                        int frequencyCap, int frequencyHours, long[] daypartMask,
                        Creative creative, dev.surf.ranking.v1.Candidate proto, BudgetPacer.Slot pacing) {

    /** The ad content returned to the publisher. */
    public record Creative(String headline, String primaryText, String description, String callToAction,
                           String landingUrl, String imageUrl) {
    }

    public boolean daypartAllows(int hourOfWeek) {
        return daypartMask == null || (daypartMask[hourOfWeek >> 6] & (1L << (hourOfWeek & 63))) != 0;
    }
}
