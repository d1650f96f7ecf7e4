package dev.surf.ad.decision;

import dev.surf.ad.decision.filter.AgeFilter;
import dev.surf.ad.decision.filter.CandidateFilter;
import dev.surf.ad.decision.filter.CreativeSetFilter;
import dev.surf.ad.decision.filter.DaypartingFilter;
import dev.surf.ad.decision.filter.DeviceFilter;
import dev.surf.ad.decision.filter.FrequencyCapFilter;
import dev.surf.ad.decision.filter.GenderFilter;
import dev.surf.ad.decision.filter.GeoFilter;
import dev.surf.ad.decision.filter.InterestFilter;
import dev.surf.ad.decision.filter.KeywordFilter;
import dev.surf.ad.decision.filter.PacingFilter;
import dev.surf.ad.decision.filter.PlacementFilter;
import dev.surf.ad.decision.filter.ScheduleFilter;
import dev.surf.ad.pacing.PacingService;
import jakarta.inject.Singleton;
import java.util.List;

/** The filter stages in order: cheap array compares first, store look-ups (frequency, pacing) last. */
// @Singleton, not @ApplicationScoped: called once per candidate (a thousand times per decision), and a
// client proxy looks the instance up in its context on every call.
@Singleton
public class FilterChain {
    private final CandidateFilter[] stages;

    public FilterChain(FrequencyStore frequency, PacingService pacing) {
        this.stages = new CandidateFilter[] {
            new ScheduleFilter(), new PlacementFilter(), new DeviceFilter(), new GeoFilter(), new AgeFilter(),
            new GenderFilter(), new InterestFilter(), new KeywordFilter(), new DaypartingFilter(), new CreativeSetFilter(),
            new FrequencyCapFilter(frequency), new PacingFilter(pacing.pacer())
        };
    }

    public boolean accept(Candidate c, DecisionContext ctx) {
        for (CandidateFilter f : stages) {
            if (!f.accept(c, ctx)) {
                return false;
            }
        }
        return true;
    }

    public List<String> names() {
        return java.util.Arrays.stream(stages).map(CandidateFilter::name).toList();
    }
}
