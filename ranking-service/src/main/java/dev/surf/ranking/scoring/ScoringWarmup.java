package dev.surf.ranking.scoring;

import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.UserFeatures;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Sends synthetic Score requests through the real path (validation, features, batcher, the live
 * session, the response) after startup, and keeps this replica not ready until they ran. A cold JVM
 * interprets the per-candidate loops: its first real calls missed ad-service's 20 ms deadline, which
 * opened ad-service's circuit breaker, which kept the traffic (and so the JIT) away for good, so a
 * fresh stack served decisions on prior CTRs for its whole first benchmark run.
 */
@Readiness
@ApplicationScoped
public class ScoringWarmup implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ScoringWarmup.class);
    /** Far above real ids, so the warm-up's entries in the per-creative caches never shadow a real creative. */
    private static final long FIRST_ID = 1L << 50;
    private static final int[] SIZES = {1000, 64, 256, 1};

    private final ScoreRequestValidator validator;
    private final ScoreFeatureBuilder features;
    private final MicroBatcher batcher;
    private final ModelHolder live;
    private final int requests;
    private volatile int done = -1;

    public ScoringWarmup(ScoreRequestValidator validator, ScoreFeatureBuilder features, MicroBatcher batcher, ModelHolder live,
                         RankingConfig config) {
        this.validator = validator;
        this.features = features;
        this.batcher = batcher;
        this.live = live;
        this.requests = config.warmUpRequests();
    }

    void start(@Observes StartupEvent ev) {
        Thread.ofPlatform().name("ranking-warm-up").daemon(true).start(this::run);
    }

    private void run() {
        long start = System.nanoTime();
        try {
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (live.liveVersion() < 0 && System.nanoTime() < waitUntil) { // ModelLoader loads it at startup
                Thread.sleep(50);
            }
            for (int i = 0; i < requests; i++) {
                ScoreRequest r = request(i, SIZES[i % SIZES.length]);
                validator.validate(r);
                RankerService.response(r, batcher.submit(features.build(r)).join()).build();
            }
            LOG.infof("scoring warmed up with %d requests in %d ms", requests, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            // Not fatal: real requests answer for themselves; readiness must not hang on a warm-up.
            LOG.warnf("scoring warm-up stopped early: %s", e.getMessage());
        }
        done = requests;
    }

    static ScoreRequest request(int n, int candidates) {
        ScoreRequest.Builder r = ScoreRequest.newBuilder().setRequestId("warm-up-" + n)
                .setUser(UserFeatures.newBuilder().setUserId("warm-up-" + n % 50).setCountry("DE").setAge(30).setGender("f")
                        .addInterests("sports"))
                .setContext(ScoreContext.newBuilder().setPlacement("warm-up").setDevice(n % 2 == 0 ? "mobile" : "desktop")
                        .setHourOfDay(n % 24).addKeywords("warm-up"));
        for (int i = 0; i < candidates; i++) {
            r.addCandidates(Candidate.newBuilder().setCampaignId(FIRST_ID + i % 100).setCreativeId(FIRST_ID + i)
                    .setAdvertiserId(FIRST_ID + i % 7).setAdSetId(FIRST_ID + i % 30).addCategories(i % 3 == 0 ? "sports" : "travel"));
        }
        return r.build();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Scoring warm-up").status(done >= 0).withData("requests", requests).build();
    }
}
