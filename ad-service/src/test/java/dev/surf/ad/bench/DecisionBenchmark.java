package dev.surf.ad.bench;

import dev.surf.ad.auction.BidStrategy;
import dev.surf.ad.decision.DecisionFlowTest;
import dev.surf.ad.decision.DecisionRequest;
import dev.surf.ad.decision.DecisionService;
import dev.surf.ad.decision.IndexRefresher;
import dev.surf.ad.decision.RankerFixture;
import dev.surf.ad.decision.RankerFixtureResource;
import dev.surf.ad.decision.TestCampaigns;
import dev.surf.ad.tracking.TrackingClaims;
import dev.surf.ad.tracking.TrackingUrls;
import dev.surf.events.EventIds;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import dev.surf.ranking.v1.RankerGrpc;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.UserFeatures;
import io.agroal.api.AgroalDataSource;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (surefire excludes *Benchmark): run it explicitly, see the README.
 * Decision latency and throughput over HTTP with 1,000 active campaigns and the ranking call on,
 * the ranking call alone, tracking ingest against the raw Kafka producer on the same broker, and a
 * pacing simulation at 10x traffic. Prints a report and writes it to target/decision-benchmark.txt.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
class DecisionBenchmark {
    private static final int CAMPAIGNS = Integer.getInteger("bench.campaigns", 1000);
    private static final int DECISIONS = Integer.getInteger("bench.decisions", 20_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);
    private static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    private static final int EVENT_CONCURRENCY = Integer.getInteger("bench.eventConcurrency", 256);

    @Inject
    AgroalDataSource ds;
    @Inject
    IndexRefresher refresher;
    @Inject
    DecisionService decisions;
    @Inject
    TrackingUrls trackingUrls;
    @TestHTTPResource("/")
    URI base;

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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        // Warm up JIT, connections and the gRPC channel.
        httpDecisions(http, 3_000, CONCURRENCY);
        scoringSummary();
        long[] inProcess = inProcessDecisions(5_000);
        String inProcessScoring = scoringSummary();
        double[] httpRun = httpDecisions(http, DECISIONS, CONCURRENCY);
        String httpScoring = scoringSummary();
        long[] ranking = rankingAlone(5_000);
        line("decisions over HTTP (n=%d, concurrency %d): p50 %.2f ms, p99 %.2f ms, %.0f decisions/s",
                DECISIONS, CONCURRENCY, httpRun[0], httpRun[1], httpRun[2]);
        line("  scored by (HTTP run): %s", httpScoring);
        line("decision in process (one thread, n=%d): p50 %.3f ms, p99 %.3f ms", inProcess.length,
                pct(inProcess, 50) / 1e6, pct(inProcess, 99) / 1e6);
        line("  scored by (in-process run): %s", inProcessScoring);
        line("ranking Score call alone (64 candidates, one thread, n=%d): p50 %.3f ms, p99 %.3f ms", ranking.length,
                pct(ranking, 50) / 1e6, pct(ranking, 99) / 1e6);
        line("ratio decision / ranking call: p50 %.2f (in process), %.2f (HTTP)",
                pct(inProcess, 50) / (double) pct(ranking, 50), httpRun[0] * 1e6 / pct(ranking, 50));

        double raw = rawProducer(EVENTS, EVENTS);
        double rawWindow = rawProducer(EVENTS, EVENT_CONCURRENCY);
        double ingest = trackingIngest(http, EVENTS, EVENT_CONCURRENCY);
        double raw2 = rawProducer(EVENTS, EVENTS);
        double rawWindow2 = rawProducer(EVENTS, EVENT_CONCURRENCY);
        line("tracking ingest GET /t/imp -> surf.signals.v1 (n=%d, %d in flight): %.0f events/s", EVENTS, EVENT_CONCURRENCY, ingest);
        line("raw KafkaProducer, same settings and broker, all %d in flight: %.0f events/s before, %.0f after",
                EVENTS, raw, raw2);
        line("raw KafkaProducer, %d in flight like the beacons: %.0f events/s before, %.0f after",
                EVENT_CONCURRENCY, rawWindow, rawWindow2);
        line("ingest / raw (mean of before and after): %.0f%% of unbounded raw, %.0f%% of raw at the same in-flight window",
                100 * ingest / ((raw + raw2) / 2), 100 * ingest / ((rawWindow + rawWindow2) / 2));

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

    private static String body(int i) {
        return DecisionFlowTest.decisionBody("bench", "bench-user-" + (i % 5000), "US", 30, "\"sports\"", 1);
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

    /** Returns p50 ms, p99 ms, decisions/s. */
    private double[] httpDecisions(HttpClient http, int n, int concurrency) throws Exception {
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        URI uri = base.resolve("/v1/decisions");
        long start = System.nanoTime();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                ex.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        HttpRequest req = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body(i))).build();
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || !r.body().contains("impressionUrl")) {
                                errors.incrementAndGet();
                            }
                            int at = r.body().indexOf("\"scoring\":\"");
                            countScoring(at < 0 ? "?" : r.body().substring(at + 11, r.body().indexOf('"', at + 11)));
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        lat[i] = System.nanoTime() - s;
                    }
                    return null;
                });
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (errors.get() > 0) {
            line("decision errors: %d of %d", errors.get(), n);
        }
        return new double[] {pct(lat, 50) / 1e6, pct(lat, 99) / 1e6, n / secs};
    }

    private long[] rankingAlone(int n) throws Exception {
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", RankerFixture.get().port()).usePlaintext().build();
        try {
            RankerGrpc.RankerBlockingStub stub = RankerGrpc.newBlockingStub(ch);
            ScoreRequest.Builder b = ScoreRequest.newBuilder().setRequestId("bench")
                    .setUser(UserFeatures.newBuilder().setUserId("bench-user").setCountry("US").setAge(30).addInterests("sports"))
                    .setContext(ScoreContext.newBuilder().setPlacement("bench").setHourOfDay(-1).addKeywords("shoes"));
            for (int i = 0; i < 64; i++) {
                b.addCandidates(dev.surf.ranking.v1.Candidate.newBuilder().setCampaignId(i + 1).setCreativeId(i + 1)
                        .setAdvertiserId(1).setAdSetId(i + 1));
            }
            ScoreRequest req = b.build();
            for (int i = 0; i < 1000; i++) {
                stub.withDeadlineAfter(1, TimeUnit.SECONDS).score(req);
            }
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                stub.withDeadlineAfter(1, TimeUnit.SECONDS).score(req);
                t[i] = System.nanoTime() - s;
            }
            return t;
        } finally {
            ch.shutdownNow();
        }
    }

    private double trackingIngest(HttpClient http, int n, int inFlight) throws Exception {
        List<URI> urls = new ArrayList<>(n);
        long now = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            TrackingClaims c = new TrackingClaims(TrackingClaims.Kind.IMPRESSION, EventIds.random(), "bench-user-" + i,
                    1, 999_999_999L, 1, 1, "bench", BidStrategy.CPM, 0, 0, "https://shop.example/", java.util.Map.of());
            String imp = trackingUrls.forAd(c, now)[0];
            URI u = URI.create(imp);
            urls.add(base.resolve(u.getRawPath() + "?" + u.getRawQuery()));
        }
        Semaphore window = new Semaphore(inFlight);
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        long start = System.nanoTime();
        for (URI u : urls) {
            window.acquire();
            all.add(http.sendAsync(HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        window.release();
                        if (e != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double rate = n / ((System.nanoTime() - start) / 1e9);
        if (errors.get() > 0) {
            line("tracking errors: %d of %d", errors.get(), n);
        }
        return rate;
    }

    /** Raw producer rate with at most {@code window} unacknowledged records, like the beacons' in-flight requests. */
    private double rawProducer(int n, int window) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(KafkaSettings.producer(
                SurfTestResource.broker().bootstrapServers(), "bench-raw"))) {
            List<byte[]> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(UserSignal.newBuilder().setEventId(EventIds.random()).setTimeMs(System.currentTimeMillis())
                        .setKind(SignalKind.PAGE_VIEW).setUserId("bench-user-" + i).setDecisionId(EventIds.random())
                        .setAdvertiserId(1).setCampaignId(1).setAdSetId(1).setCreativeId(1).setPlacement("bench").build()
                        .toByteArray());
            }
            p.send(new ProducerRecord<>(Topics.SIGNALS.name(), "warm", values.get(0))).get();
            Semaphore inFlight = new Semaphore(window);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                inFlight.acquire();
                p.send(new ProducerRecord<>(Topics.SIGNALS.name(), "bench-user-" + i, values.get(i)), (m, e) -> {
                    inFlight.release();
                    done.countDown();
                });
            }
            done.await(5, TimeUnit.MINUTES);
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
