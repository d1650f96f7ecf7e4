package dev.surf.ad.decision.ranking;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionRequest;
import dev.surf.ad.stats.PriorScores;
import dev.surf.ranking.v1.RankerGrpc;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.ScoreResponse;
import dev.surf.ranking.v1.UserFeatures;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Calls ranking-service's Score with a deadline behind a circuit breaker. Slow, down, open breaker
 * or garbage answers (wrong length, NaN, outside [0,1]) fall back to smoothed prior CTR/CVR from
 * stats_hourly; each fallback is counted by reason on surf_ranking_fallback_total.
 */
@ApplicationScoped
public class RankingClient {
    private static final Logger LOG = Logger.getLogger(RankingClient.class);

    private final RankerGrpc.RankerBlockingStub stub;
    private final PriorScores priors;
    private final long deadlineMs;
    private final long trialDeadlineMs;
    private final CircuitBreaker breaker;
    private final Counter deadline;
    private final Counter unavailable;
    private final Counter garbage;
    private final Counter open;
    private final Counter error;

    public RankingClient(@GrpcClient("ranking") RankerGrpc.RankerBlockingStub stub, PriorScores priors,
                         @ConfigProperty(name = "surf.ranking.deadline-ms", defaultValue = "20") long deadlineMs,
                         @ConfigProperty(name = "surf.ranking.breaker.failures", defaultValue = "20") int failures,
                         @ConfigProperty(name = "surf.ranking.breaker.open-ms", defaultValue = "1000") long openMs,
                         @ConfigProperty(name = "surf.ranking.breaker.trial-deadline-ms", defaultValue = "250") long trialDeadlineMs,
                         MeterRegistry metrics) {
        this.stub = stub;
        this.priors = priors;
        this.deadlineMs = deadlineMs;
        this.trialDeadlineMs = Math.max(deadlineMs, trialDeadlineMs);
        this.breaker = new CircuitBreaker(failures, openMs);
        this.deadline = fallbackCounter(metrics, "deadline");
        this.unavailable = fallbackCounter(metrics, "unavailable");
        this.garbage = fallbackCounter(metrics, "garbage");
        this.open = fallbackCounter(metrics, "circuit_open");
        this.error = fallbackCounter(metrics, "error");
    }

    private static Counter fallbackCounter(MeterRegistry metrics, String reason) {
        return Counter.builder("surf.ranking.fallback").description("Decisions scored with prior CTRs instead of the model")
                .tag("reason", reason).register(metrics);
    }

    public Scores score(String requestId, DecisionRequest req, List<Candidate> candidates, String modelVersion) {
        long now = System.currentTimeMillis();
        CircuitBreaker.Admission admission = breaker.admit(now);
        if (admission == CircuitBreaker.Admission.REFUSE) {
            open.increment();
            return fallback(candidates, "circuit_open");
        }
        long timeoutMs = admission == CircuitBreaker.Admission.TRIAL ? trialDeadlineMs : deadlineMs;
        try {
            ScoreResponse resp = stub.withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS)
                    .score(request(requestId, req, candidates, modelVersion));
            Scores s = validate(resp, candidates);
            if (s == null) {
                breaker.failure(System.currentTimeMillis());
                garbage.increment();
                return fallback(candidates, "garbage");
            }
            breaker.success();
            return s;
        } catch (StatusRuntimeException e) {
            breaker.failure(System.currentTimeMillis());
            Status.Code code = e.getStatus().getCode();
            (code == Status.Code.DEADLINE_EXCEEDED ? deadline : unavailable).increment();
            return fallback(candidates, code == Status.Code.DEADLINE_EXCEEDED ? "deadline" : "unavailable");
        } catch (RuntimeException e) {
            breaker.failure(System.currentTimeMillis());
            error.increment();
            LOG.debugf(e, "ranking call failed");
            return fallback(candidates, "error");
        }
    }

    private Scores fallback(List<Candidate> candidates, String reason) {
        int n = candidates.size();
        double[] ctr = new double[n];
        double[] cvr = new double[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            ctr[i] = priors.ctr(c.campaignId(), c.creativeId());
            cvr[i] = priors.cvr(c.campaignId(), c.creativeId());
        }
        return new Scores(ctr, cvr, "prior:" + reason, "");
    }

    static Scores validate(ScoreResponse resp, List<Candidate> candidates) {
        int n = candidates.size();
        if (resp.getScoresCount() != n) {
            return null;
        }
        double[] ctr = new double[n];
        double[] cvr = new double[n];
        for (int i = 0; i < n; i++) {
            var s = resp.getScores(i);
            Candidate c = candidates.get(i);
            if (s.getCampaignId() != c.campaignId() || s.getCreativeId() != c.creativeId()
                    || !unit(s.getPCtr()) || !unit(s.getPCvr())) {
                return null;
            }
            ctr[i] = s.getPCtr();
            cvr[i] = s.getPCvr();
        }
        return new Scores(ctr, cvr, "model", resp.getModelVersion());
    }

    private static boolean unit(double v) {
        return v >= 0.0 && v <= 1.0; // false for NaN
    }

    private static ScoreRequest request(String requestId, DecisionRequest req, List<Candidate> candidates, String modelVersion) {
        ScoreRequest.Builder b = withoutCandidates(requestId, req, modelVersion);
        for (Candidate c : candidates) {
            b.addCandidates(c.proto());
        }
        return b.build();
    }

    /** A Score request's user and context for a decision (also built by {@link RankingWarmup}). */
    static ScoreRequest.Builder withoutCandidates(String requestId, DecisionRequest req, String modelVersion) {
        DecisionRequest.User u = req.user();
        UserFeatures.Builder user = UserFeatures.newBuilder().setUserId(u.id());
        if (u.country() != null) user.setCountry(u.country());
        if (u.age() != null) user.setAge(u.age());
        if (u.gender() != null) user.setGender(u.gender());
        user.addAllInterests(u.interests());
        DecisionRequest.Context cx = req.context();
        ScoreContext.Builder ctx = ScoreContext.newBuilder().setPlacement(req.placement()).setHourOfDay(-1)
                .addAllKeywords(cx.keywords());
        if (cx.url() != null) ctx.setUrl(cx.url());
        if (cx.device() != null) ctx.setDevice(cx.device());
        return ScoreRequest.newBuilder().setRequestId(requestId).setUser(user).setContext(ctx).setModelVersion(modelVersion);
    }
}
