package dev.surf.ad.bench;

import dev.surf.ad.auction.BidStrategy;
import dev.surf.ad.decision.DecisionRequest;
import dev.surf.ad.decision.DecisionService;
import dev.surf.ad.decision.IndexRefresher;
import dev.surf.ad.decision.RankerFixture;
import dev.surf.ad.decision.RankerFixtureResource;
import dev.surf.ad.decision.TestCampaigns;
import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (surefire excludes *Benchmark): run it explicitly, see the README.
 * What the stack-level benchmark ({@code ./surf load decisions}, infra's DecisionScenario) cannot
 * isolate: the decision path in process (no HTTP) with 1,000 campaigns against the in-test ranker,
 * and the pacing simulation at 10x traffic. Writes target/decision-benchmark.txt.
 */
@QuarkusTest
@TestProfile(DecisionBenchmark.ProductionBreaker.class)
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
class DecisionBenchmark {
    /**
     * The breaker as deployed (opens after 20 consecutive failures): with the test suite's 5, five missed
     * deadlines in a row (this JVM runs the in-test ranker too) opened it and 39 % of one run went to priors.
     */
    public static final class ProductionBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("surf.ranking.breaker.failures", "20");
        }
    }

    private static final int CAMPAIGNS = Integer.getInteger("bench.campaigns", 1000);

    @Inject
    AgroalDataSource ds;
    @Inject
    IndexRefresher refresher;
    @Inject
    DecisionService decisions;

    private final StringBuilder report = new StringBuilder();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> scoring =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void countScoring(String source) {
        scoring.computeIfAbsent(source, k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    private String scoringSummary() {
        String s = new java.util.TreeMap<>(scoring).toString();
        scoring.clear();
        return s;
    }

    @Test
    void run() throws Exception {
        RankerFixture.get().mode(RankerFixture.Mode.NORMAL);
        seed();
        refresher.rebuild();
        line("cores=%d, load average at start=%.2f, campaigns in index=%d", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                decisions != null ? CAMPAIGNS : 0);
        inProcessDecisions(3_000); // warm-up: JIT and the gRPC channel
        scoringSummary();
        long[] inProcess = inProcessDecisions(10_000);
        line("decision in process (one thread, n=%d): p50 %.3f ms, p99 %.3f ms; scored by %s", inProcess.length,
                pct(inProcess, 50) / 1e6, pct(inProcess, 99) / 1e6, scoringSummary());

        for (var sim : List.of(
                PacingSimulation.run(BidStrategy.CPM, 100_000_000, 2_000, 0, 10, 2_000, 1),
                PacingSimulation.run(BidStrategy.CPM, 100_000_000, 2_000, 0, 10, 60_000, 2),
                PacingSimulation.run(BidStrategy.CPC, 100_000_000, 500_000, 0.02, 10, 30_000, 3))) {
            line("pacing sim %s at 10x traffic, budget %.2f: %d requests, %d served, delivered %.2f%% of budget"
                            + " (overspend %.3f%%), billed over budget %.3f%%",
                    sim.strategy(), sim.budgetMicros() / 1e6, sim.requests(), sim.served(), sim.deliveredPercent(),
                    sim.overspendPercent(), sim.billedOverPercent());
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/decision-benchmark.txt"), report);
    }

    private void line(String fmt, Object... args) {
        String s = String.format(fmt, args);
        System.out.println("[bench] " + s);
        report.append(s).append('\n');
    }

    private void seed() throws Exception {
        TestCampaigns t = new TestCampaigns(ds);
        long adv = t.queryLong("insert into ad.advertiser (name) values ('bench') returning id");
        t.exec("insert into ad.campaign (advertiser_id, name, objective, status, daily_budget_micros, bid_strategy,"
                + " bid_amount_micros) select " + adv + ", 'bench-' || g, 'CLICKS', 'ACTIVE', 1000000000000,"
                + " (array['CPM','CPC','TARGET_CPA'])[1 + g % 3],"
                + " case g % 3 when 0 then 1000000 + g * 1000 when 1 then 200000 + g * 100 else 5000000 + g * 1000 end"
                + " from generate_series(1, " + CAMPAIGNS + ") g");
        t.exec("insert into ad.ad_set (advertiser_id, campaign_id, name, placements, countries, interests, devices)"
                + " select advertiser_id, id, 'set', array['bench'],"
                + " case when id % 2 = 0 then array['US'] else '{}'::text[] end,"
                + " case when id % 5 = 0 then array['sports'] else '{}'::text[] end,"
                + " case when id % 7 = 0 then array['desktop'] else '{}'::text[] end"
                + " from ad.campaign where advertiser_id = " + adv);
        t.exec("insert into ad.creative (advertiser_id, campaign_id, ad_set_id, headline, primary_text, call_to_action,"
                + " landing_url, image_url, status) select s.advertiser_id, s.campaign_id, s.id, 'Bench ' || s.campaign_id,"
                + " 'Primary text', 'SHOP_NOW', 'https://shop.example/' || s.campaign_id, 'https://cdn.example/a.png',"
                + " 'APPROVED' from ad.ad_set s where s.advertiser_id = " + adv);
    }

    private long[] inProcessDecisions(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            DecisionRequest r = new DecisionRequest("bench", new DecisionRequest.User("bench-user-" + (i % 5000), "US", null,
                    30, "female", List.of("sports")), new DecisionRequest.Context("https://news.example/a", List.of("shoes"),
                    "mobile"), 1).normalized();
            long s = System.nanoTime();
            var res = decisions.decide(r, 0);
            t[i] = System.nanoTime() - s;
            countScoring(res.scoring());
            if (res.ads().isEmpty()) {
                throw new AssertionError("benchmark decisions must fill");
            }
        }
        return t;
    }

    private static long pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
