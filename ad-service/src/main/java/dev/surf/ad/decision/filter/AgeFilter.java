package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

/** An age-restricted ad set needs a known age inside its range. */
public final class AgeFilter implements CandidateFilter {
    public String name() {
        return "age";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        if (c.ageMin() <= 0 && c.ageMax() <= 0) {
            return true;
        }
        return ctx.age >= 0 && (c.ageMin() <= 0 || ctx.age >= c.ageMin()) && (c.ageMax() <= 0 || ctx.age <= c.ageMax());
    }
}
