package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

/** Campaign start and end time (the index may hold a campaign a few seconds past its end). */
public final class ScheduleFilter implements CandidateFilter {
    public String name() {
        return "schedule";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return ctx.nowMs >= c.startMs() && ctx.nowMs < c.endMs();
    }
}
