package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

public final class InterestFilter implements CandidateFilter {
    public String name() {
        return "interests";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return CandidateFilter.intersects(c.interests(), ctx.interests);
    }
}
