package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

public final class GenderFilter implements CandidateFilter {
    public String name() {
        return "gender";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return CandidateFilter.matches(c.genders(), ctx.gender);
    }
}
