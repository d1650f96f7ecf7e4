package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;
import dev.surf.ad.decision.FrequencyStore;

/** Impressions of this ad set the user saw in the cap's period must stay under the cap. */
public final class FrequencyCapFilter implements CandidateFilter {
    private final FrequencyStore store;

    public FrequencyCapFilter(FrequencyStore store) {
        this.store = store;
    }

    public String name() {
        return "frequency_cap";
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        return c.frequencyCap() <= 0
                || store.count(ctx.userId, c.adSetId(), c.frequencyHours(), ctx.nowMs) < c.frequencyCap();
    }
}
