package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

public final class DeviceFilter implements CandidateFilter {
    public String name() {
        return "device";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return CandidateFilter.matches(c.devices(), ctx.device);
    }
}
