package dev.surf.ad.decision;

import dev.surf.ad.auction.Auction;
import dev.surf.ad.auction.AuctionEntry;
import dev.surf.ad.auction.AuctionParameters;
import dev.surf.ad.auction.AuctionParametersHook;
import dev.surf.ad.auction.Winner;
import dev.surf.ad.decision.ranking.RankingClient;
import dev.surf.ad.decision.ranking.Scores;
import dev.surf.ad.pacing.LocalDay;
import dev.surf.ad.pacing.PacingService;
import dev.surf.ad.stats.PriorScores;
import dev.surf.ad.tracking.TrackingClaims;
import dev.surf.ad.tracking.TrackingUrls;
import dev.surf.events.EventIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The decision path: index snapshot -> filter stages -> pre-selection by prior eCPM -> ranking call
 * (or prior fallback) -> GSP auction with the request's auction parameters -> budget reservation ->
 * ads with signed tracking URLs.
 */
@ApplicationScoped
public class DecisionService {
    private final CandidateIndex index;
    private final FilterChain filters;
    private final RankingClient ranking;
    private final PriorScores priors;
    private final PacingService pacing;
    private final TrackingUrls tracking;
    private final AuctionParametersHook hook;
    private final AuctionParameters defaults;
    private final int maxRanked;
    private final Counter decisions;
    private final Counter empty;

    public DecisionService(CandidateIndex index, FilterChain filters, RankingClient ranking, PriorScores priors,
                           PacingService pacing, TrackingUrls tracking, Instance<AuctionParametersHook> hooks,
                           @ConfigProperty(name = "surf.auction.reserve-cpm-micros", defaultValue = "100000") long reserve,
                           @ConfigProperty(name = "surf.decision.max-ranked", defaultValue = "64") int maxRanked,
                           MeterRegistry metrics) {
        this.index = index;
        this.filters = filters;
        this.ranking = ranking;
        this.priors = priors;
        this.pacing = pacing;
        this.tracking = tracking;
        this.hook = hooks.isResolvable() ? hooks.get() : AuctionParametersHook.NONE;
        this.defaults = new AuctionParameters(reserve, "", null);
        this.maxRanked = maxRanked;
        this.decisions = Counter.builder("surf.decisions").tag("result", "filled").register(metrics);
        this.empty = Counter.builder("surf.decisions").tag("result", "empty").register(metrics);
    }

    public AuctionParameters defaults() {
        return defaults;
    }

    /** {@code request} must be valid and normalized; {@code floorCpmMicros} raises the reserve (OpenRTB bidfloor). */
    public DecisionResult decide(DecisionRequest request, long floorCpmMicros) {
        long now = System.currentTimeMillis();
        String decisionId = EventIds.random();
        AuctionParameters params = hook.resolve(request.user().id(), request.placement(), defaults);
        if (floorCpmMicros > params.reserveCpmMicros()) {
            params = params.withReserve(floorCpmMicros);
        }
        DecisionContext ctx = new DecisionContext(request, now, params.withheldCreatives());
        List<Candidate> passed = new ArrayList<>();
        for (Candidate c : index.snapshot().all()) {
            if (filters.accept(c, ctx)) {
                passed.add(c);
            }
        }
        if (passed.isEmpty()) {
            empty.increment();
            return new DecisionResult(decisionId, List.of(), "none", "");
        }
        passed = preselect(passed);
        Scores scores = ranking.score(decisionId, request, passed, params.modelVersion());
        List<AuctionEntry> entries = new ArrayList<>(passed.size());
        for (int i = 0; i < passed.size(); i++) {
            Candidate c = passed.get(i);
            entries.add(new AuctionEntry(i, c.campaignId(), c.creativeId(), c.strategy(), c.bidMicros(),
                    scores.pCtr()[i], scores.pCvr()[i]));
        }
        List<Winner> winners = Auction.run(entries, params, request.n());
        List<DecisionResult.Ad> ads = new ArrayList<>(winners.size());
        for (Winner w : winners) {
            Candidate c = passed.get(w.entry().index());
            LocalDay day = ctx.localDay(c.zone());
            if (!pacing.pacer().tryReserve(c.pacing(), c.dailyBudgetMicros(), day.epochDay(), day.fraction(), now,
                    expectedCost(w))) {
                continue;
            }
            TrackingClaims claims = new TrackingClaims(TrackingClaims.Kind.IMPRESSION, decisionId, request.user().id(),
                    c.advertiserId(), c.campaignId(), c.adSetId(), c.creativeId(), request.placement(), c.strategy(),
                    w.chargeMicros(), 0, c.creative().landingUrl(), params.variants());
            String[] urls = tracking.forAd(claims, now);
            Candidate.Creative cr = c.creative();
            ads.add(new DecisionResult.Ad(c.campaignId(), c.adSetId(), c.creativeId(), c.advertiserId(), cr.headline(),
                    cr.primaryText(), cr.description(), cr.callToAction(), cr.imageUrl(), c.strategy().name(),
                    w.chargeMicros(), w.ecpmMicros(), w.clearingEcpmMicros(), w.entry().pCtr(), w.entry().pCvr(),
                    new DecisionResult.Tracking(urls[0], urls[1])));
        }
        (ads.isEmpty() ? empty : decisions).increment();
        if (!ads.isEmpty()) {
            hook.served(request.user().id(), decisionId, params);
        }
        return new DecisionResult(decisionId, ads, scores.source(), scores.modelVersion());
    }

    /** What serving this ad is expected to cost: the charge times the chance the billable event happens. */
    static double expectedCost(Winner w) {
        AuctionEntry e = w.entry();
        return switch (e.strategy()) {
            case CPM -> w.chargeMicros();
            case CPC -> w.chargeMicros() * e.pCtr();
            case TARGET_CPA -> w.chargeMicros() * e.pCtr() * e.pCvr();
        };
    }

    /** Keeps the ranking request small: the best {@code maxRanked} by eCPM under prior rates. */
    private List<Candidate> preselect(List<Candidate> passed) {
        if (passed.size() <= maxRanked) {
            return passed;
        }
        // Sort (float eCPM bits << 32 | index): positive floats order like their bits, no boxing.
        int n = passed.size();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            Candidate c = passed.get(i);
            double ecpm = new AuctionEntry(i, c.campaignId(), c.creativeId(), c.strategy(), c.bidMicros(),
                    priors.ctr(c.campaignId(), c.creativeId()), priors.cvr(c.campaignId(), c.creativeId())).ecpmMicros();
            float key = Double.isFinite(ecpm) && ecpm > 0 ? (float) ecpm : 0f;
            keyed[i] = ((long) Float.floatToIntBits(key) << 32) | (n - 1 - i);
        }
        Arrays.sort(keyed);
        List<Candidate> top = new ArrayList<>(maxRanked);
        for (int k = 0; k < maxRanked; k++) {
            top.add(passed.get(n - 1 - (int) (keyed[n - 1 - k] & 0xffffffffL)));
        }
        return top;
    }
}
