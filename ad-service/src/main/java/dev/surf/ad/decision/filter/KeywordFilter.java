package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

/** Contextual targeting: one of the page's keywords must be targeted. */
public final class KeywordFilter implements CandidateFilter {
    public String name() {
        return "keywords";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return CandidateFilter.intersects(c.keywords(), ctx.keywords);
    }
}
