package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;
import dev.surf.ad.pacing.BudgetPacer;
import dev.surf.ad.pacing.LocalDay;

/**
 * Throttle: a campaign ahead of its even-spend curve or at its budget sits this request out.
 * Tested with a minimal cost here; the winner reserves its real expected cost after the auction.
 */
public final class PacingFilter implements CandidateFilter {
    private final BudgetPacer pacer;

    public PacingFilter(BudgetPacer pacer) {
        this.pacer = pacer;
    }

    public String name() {
        return "pacing";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        LocalDay day = ctx.localDay(c.zone());
        return pacer.allows(c.pacing(), c.dailyBudgetMicros(), day.epochDay(), day.fraction(), ctx.nowMs, 1);
    }
}
