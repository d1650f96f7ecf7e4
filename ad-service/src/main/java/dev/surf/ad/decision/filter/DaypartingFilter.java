package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

/** Hour-of-week slots in the campaign's own time zone. */
public final class DaypartingFilter implements CandidateFilter {
    public String name() {
        return "dayparting";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return c.daypartMask() == null || c.daypartAllows(ctx.hourOfWeek(c.zone()));
    }
}
