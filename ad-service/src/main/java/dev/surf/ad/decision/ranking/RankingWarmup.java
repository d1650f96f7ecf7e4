package dev.surf.ad.decision.ranking;

import dev.surf.ad.decision.DecisionRequest;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.RankerGrpc;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Sends synthetic Score calls to ranking-service (request building, gRPC on both sides, the scorer)
 * after startup, outside the circuit breaker and its metrics, and keeps ad-service not ready until
 * they ran or ranking-service stayed unreachable for {@code surf.ranking.warm-up-wait-ms}. Without
 * it, the first decisions of a fresh stack ran this code cold, missed the 20 ms deadline five times
 * in a row and opened the breaker, which then kept the traffic (and so the JIT) away from it.
 * Score has no side effects, so the calls change nothing but the JIT's state.
 */
@Readiness
@ApplicationScoped
public class RankingWarmup implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(RankingWarmup.class);
    /** Far above real ids; ranking caches per-creative hashes, and these never shadow a real creative. */
    private static final long FIRST_ID = 1L << 51;

    private final RankerGrpc.RankerBlockingStub stub;
    private final int requests;
    private final int candidates;
    private final long waitMs;
    private volatile String state = "pending";

    public RankingWarmup(@GrpcClient("ranking") RankerGrpc.RankerBlockingStub stub,
                         @ConfigProperty(name = "surf.ranking.warm-up-requests") int requests,
                         @ConfigProperty(name = "surf.ranking.warm-up-wait-ms") long waitMs,
                         @ConfigProperty(name = "surf.decision.max-ranked") int candidates) {
        this.stub = stub;
        this.requests = requests;
        this.waitMs = waitMs;
        this.candidates = candidates;
    }

    void start(@Observes StartupEvent ev) {
        if (requests <= 0) {
            state = "off";
            return;
        }
        Thread.ofPlatform().name("ranking-warm-up").daemon(true).start(this::run);
    }

    private void run() {
        long start = System.nanoTime();
        long giveUp = System.currentTimeMillis() + waitMs;
        int sent = 0;
        try {
            while (sent < requests) {
                try {
                    stub.withDeadlineAfter(5, TimeUnit.SECONDS).score(request(sent));
                    sent++;
                } catch (StatusRuntimeException e) {
                    if (sent == 0 && System.currentTimeMillis() < giveUp) {
                        Thread.sleep(500); // ranking-service may still be starting
                        continue;
                    }
                    LOG.warnf("ranking warm-up stopped after %d of %d calls: %s", sent, requests, e.getStatus());
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = sent + " calls";
        LOG.infof("ranking client warmed up with %d Score calls in %d ms", sent, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private dev.surf.ranking.v1.ScoreRequest request(int n) {
        List<Candidate> list = new ArrayList<>(candidates);
        for (int i = 0; i < candidates; i++) {
            list.add(Candidate.newBuilder().setCampaignId(FIRST_ID + i % 40).setCreativeId(FIRST_ID + i)
                    .setAdvertiserId(FIRST_ID + i % 7).setAdSetId(FIRST_ID + i % 20).addCategories(i % 2 == 0 ? "sports" : "travel")
                    .build());
        }
        var user = new DecisionRequest.User("warm-up-" + n % 50, "US", null, 30, "f", List.of("sports"));
        var context = new DecisionRequest.Context(null, List.of("warm-up"), n % 2 == 0 ? "mobile" : "desktop");
        return RankingClient.withoutCandidates("warm-up-" + n, new DecisionRequest("warm-up", user, context, 1), "")
                .addAllCandidates(list).build();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Ranking client warm-up").status(!state.equals("pending")).withData("state", state).build();
    }
}
