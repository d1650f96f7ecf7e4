package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

/** Country and region (ISO codes, compared case-insensitively). */
public final class GeoFilter implements CandidateFilter {
    public String name() {
        return "geo";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return CandidateFilter.matches(c.countries(), ctx.country) && CandidateFilter.matches(c.regions(), ctx.region);
    }
}
