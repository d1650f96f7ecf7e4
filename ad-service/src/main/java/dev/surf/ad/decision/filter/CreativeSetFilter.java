package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

/** Creative-set experiments: a user never sees a creative that the experiment gives to another variant. */
public final class CreativeSetFilter implements CandidateFilter {
    public String name() {
        return "creative_set";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return ctx.withheldCreatives.isEmpty() || !ctx.withheldCreatives.contains(c.creativeId());
    }
}
