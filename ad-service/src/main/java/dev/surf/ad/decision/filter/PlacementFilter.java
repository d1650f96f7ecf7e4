package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

public final class PlacementFilter implements CandidateFilter {
    public String name() {
        return "placement";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return CandidateFilter.matches(c.placements(), ctx.placement);
    }
}
