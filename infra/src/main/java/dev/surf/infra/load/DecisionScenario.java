package dev.surf.infra.load;

import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.RankerGrpc;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.UserFeatures;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decision-path benchmark against a running stack ({@code ./surf up}; {@code ./surf load decisions}):
 * <ol>
 *   <li>creates {@code campaigns} active campaigns through the campaign API (its own advertiser),</li>
 *   <li>runs {@code decisions} POST /v1/decisions with {@code concurrency} closed-loop users and
 *       reports p50/p99 and decisions/s (ranking-service on, as the stack runs it),</li>
 *   <li>times the gRPC Score call to ranking-service alone with as many candidates as a decision sends,</li>
 *   <li>fires {@code beacons} impression beacons of further decisions (10 ads each), {@code inFlight} at a time, and compares
 *       events/s with the raw Kafka producer on the same broker at the same in-flight window, measured
 *       before and after in this run; three such rounds ({@code -Dsurf.load.ingest-rounds}), the median reported,</li>
 *   <li>archives its campaigns so the next run starts from the same index size.</li>
 * </ol>
 * Usage: {@code DecisionScenario AD_URL ADMIN_KEY RANKING_HOST:PORT KAFKA_BOOTSTRAP [campaigns=1000]
 * [decisions=20000] [concurrency=cores] [inFlight=256] [beacons=60000]}.
 */
public final class DecisionScenario {
    private static final String PLACEMENT = "article";
    private static final int RANKED = 64;
    private static final int ADS_PER_BEACON_DECISION = 10;

    private DecisionScenario() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: DecisionScenario AD_URL ADMIN_KEY RANKING_HOST:PORT KAFKA_BOOTSTRAP"
                    + " [campaigns=1000] [decisions=20000] [concurrency=cores] [inFlight=256] [beacons=60000]");
            System.exit(64);
        }
        URI base = URI.create(args[0]);
        LoadGenerator.requireLoopback(base);
        String adminKey = args[1];
        String ranking = args[2];
        String kafka = args[3];
        int campaigns = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int decisions = args.length > 5 ? Integer.parseInt(args[5]) : 20_000;
        int concurrency = args.length > 6 ? Integer.parseInt(args[6]) : Runtime.getRuntime().availableProcessors();
        int inFlight = args.length > 7 ? Integer.parseInt(args[7]) : 256;
        int beaconCount = args.length > 8 ? Integer.parseInt(args[8]) : 60_000;

        Report report = new Report();
        report.line("cores=%d, load average at start=%.2f", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long started = System.nanoTime();
        Seeder seeder = new Seeder(base, adminKey);
        List<Long> ids = seeder.seed(campaigns);
        report.line("seeded %d active campaigns through the API in %.1f s", ids.size(), (System.nanoTime() - started) / 1e9);
        try {
            awaitFill(base);
            ConcurrentLinkedQueue<String> beacons = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> warmBeacons = new ConcurrentLinkedQueue<>();
            // Warm-up: JIT of both services (the first 3,000 decisions after a start still ran at about half speed), connections, gRPC channel.
            decide(base, 10_000, concurrency, 1, null);
            collectBeacons(base, beaconCount / 2, concurrency, warmBeacons);
            CpuShare decideCpu = CpuShare.start();
            DecisionRun run = decide(base, decisions, concurrency, 1, null);
            String decideWhere = decideCpu.top(6);
            report.line("decisions over HTTP (n=%d, concurrency %d): p50 %.2f ms, p99 %.2f ms, %.0f decisions/s,"
                    + " %d failed, %d filled; scored by %s", run.n, concurrency, run.p50Ms, run.p99Ms, run.perSecond, run.failed,
                    run.filled, new java.util.TreeMap<>(run.scoredBy));
            report.line("  CPU during the decisions: %s", decideWhere);
            long[] score = rankingAlone(ranking, ids.subList(0, Math.min(RANKED, ids.size())), 5_000);
            report.line("ranking Score alone (%d candidates, one caller, n=%d): p50 %.3f ms, p99 %.3f ms",
                    Math.min(RANKED, ids.size()), score.length, pct(score, 50) / 1e6, pct(score, 99) / 1e6);
            report.line("decision / ranking call (p50): %.2f", run.p50Ms * 1e6 / pct(score, 50));

            // Beacons for the ingest rounds: from decisions asking for several ads each, so each round (and the
            // raw one, with as many records) runs long enough to be a rate rather than a burst. Every round gets
            // fresh beacons: a repeated beacon is a duplicate, which the consumers downstream handle more cheaply.
            int rounds = Integer.getInteger("surf.load.ingest-rounds", 3);
            collectBeacons(base, beaconCount * rounds, concurrency, beacons);
            List<String> paths = new ArrayList<>(beacons);
            // The raw records are impressions of a served ad (price 0), so the consumers downstream do the
            // same work for them as for the beacons'; each phase starts after the previous one's backlog.
            UserSignal impression = UserSignal.newBuilder().setKind(SignalKind.IMPRESSION).setPlacement(PLACEMENT)
                    .setAdvertiserId(run.ad[0]).setCampaignId(run.ad[1]).setAdSetId(run.ad[2]).setCreativeId(run.ad[3]).build();
            // Warm-ups, not reported: both paths get the same JIT and connection warm-up before they are timed.
            RawProducerRate.measure(kafka, beaconCount, inFlight, impression);
            ingest(base, new ArrayList<>(warmBeacons), inFlight);
            settle(kafka, report);
            // Raw and beacon rounds alternate; each beacon round is compared with the raw rounds on either side,
            // and the median of the rounds is the figure (this machine's rates move by a third between runs).
            double[] raw = new double[rounds + 1];
            double[] ratios = new double[rounds];
            raw[0] = RawProducerRate.measure(kafka, beaconCount, inFlight, impression);
            settle(kafka, report);
            for (int r = 0; r < rounds; r++) {
                CpuShare ingestCpu = CpuShare.start();
                double ingest = ingest(base, paths.subList(r * beaconCount, (r + 1) * beaconCount), inFlight);
                String ingestWhere = ingestCpu.top(6);
                settle(kafka, report);
                raw[r + 1] = RawProducerRate.measure(kafka, beaconCount, inFlight, impression);
                settle(kafka, report);
                ratios[r] = ingest / ((raw[r] + raw[r + 1]) / 2);
                report.line("tracking ingest round %d, GET /t/imp -> surf.signals.v1 (n=%d, %d in flight): %.0f events/s;"
                        + " raw KafkaProducer (same settings and broker) %.0f before, %.0f after: %.0f%%",
                        r + 1, beaconCount, inFlight, ingest, raw[r], raw[r + 1], 100 * ratios[r]);
                report.line("  CPU during the beacons: %s", ingestWhere);
            }
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            report.line("ingest / raw, median of %d rounds: %.0f%% (lowest %.0f%%, highest %.0f%%)", rounds,
                    100 * sorted[rounds / 2], 100 * sorted[0], 100 * sorted[rounds - 1]);
        } finally {
            seeder.archive(ids);
        }
        report.write(java.nio.file.Path.of(".surf", "decision-load.txt"));
    }

    /** {@code ad}: advertiser, campaign, ad set and creative id of one ad served in the run. */
    private record DecisionRun(int n, double p50Ms, double p99Ms, double perSecond, long failed, long filled,
                               java.util.Map<String, Long> scoredBy, long[] ad) {
    }

    /**
     * Lets the consumers downstream (spend, experiments, feature store) work off the previous phase: waits
     * until every consumer group of surf.signals.v1 has committed up to its end, then a second more.
     */
    private static void settle(String kafka, Report report) throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(kafka, dev.surf.events.Topics.SIGNALS.name())) {
            long left = lag.awaitZero(Long.getLong("surf.load.settle-ms", 120_000));
            if (left != 0) {
                report.line("  (consumers still %s records behind when the next phase started)", left < 0 ? "some" : left);
            }
        }
        Thread.sleep(1_000);
    }

    private static long number(String json, String field) {
        return Long.parseLong(CampaignScenario.field(json, field));
    }

    private static String body(int i, int ads) {
        return """
                {"placement":"%s","n":%d,"user":{"id":"load-user-%d","country":"US","age":30,"gender":"female",\
                "interests":["sports"]},"context":{"url":"https://news.example/a","keywords":["shoes"],"device":"mobile"}}"""
                .formatted(PLACEMENT, ads, i % 5000);
    }

    private static void awaitFill(URI base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try (LoopbackHttp http = new LoopbackHttp(base)) {
            while (System.nanoTime() < deadline) {
                LoopbackHttp.Response r = http.post("/v1/decisions", null, body(0, 1));
                if (r.status() == 200 && r.text().contains("impressionUrl")) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("decisions stay empty: is the decision index receiving campaign changes?");
    }

    /** Runs decisions for {@value #ADS_PER_BEACON_DECISION} ads each until {@code count} impression beacons are collected. */
    private static void collectBeacons(URI base, int count, int concurrency, ConcurrentLinkedQueue<String> beacons)
            throws InterruptedException {
        for (int round = 0; beacons.size() < count; round++) {
            int before = beacons.size();
            decide(base, Math.max(100, (count - before) / ADS_PER_BEACON_DECISION + 1), concurrency, ADS_PER_BEACON_DECISION, beacons);
            if (beacons.size() == before || round > 20) {
                throw new IllegalStateException("decisions stopped returning ads after " + before + " beacons");
            }
        }
        while (beacons.size() > count) {
            beacons.poll();
        }
    }

    private static DecisionRun decide(URI base, int n, int concurrency, int ads, ConcurrentLinkedQueue<String> beacons)
            throws InterruptedException {
        long[] latency = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        AtomicLong filled = new AtomicLong();
        java.util.concurrent.ConcurrentHashMap<String, Long> scoredBy = new java.util.concurrent.ConcurrentHashMap<>();
        long[] ad = new long[4];
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int u = 0; u < concurrency; u++) {
            Thread.ofVirtual().start(() -> {
                try (LoopbackHttp http = new LoopbackHttp(base)) {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        long t0 = System.nanoTime();
                        try {
                            LoopbackHttp.Response r = http.post("/v1/decisions", null, body(i, ads));
                            latency[i] = System.nanoTime() - t0;
                            String text = r.text();
                            int at = text.indexOf("\"impressionUrl\":\"");
                            if (r.status() != 200) {
                                failed.incrementAndGet();
                            } else if (at >= 0) {
                                filled.incrementAndGet();
                                int s = text.indexOf("\"scoring\":\"");
                                scoredBy.merge(s < 0 ? "?" : text.substring(s + 11, text.indexOf('"', s + 11)), 1L, Long::sum);
                                synchronized (ad) {
                                    if (ad[1] == 0) {
                                        ad[0] = number(text, "advertiserId");
                                        ad[1] = number(text, "campaignId");
                                        ad[2] = number(text, "adSetId");
                                        ad[3] = number(text, "creativeId");
                                    }
                                }
                                for (int b = at; beacons != null && b >= 0; b = text.indexOf("\"impressionUrl\":\"", b + 17)) {
                                    URI url = URI.create(text.substring(b + 17, text.indexOf('"', b + 17)));
                                    beacons.add(url.getRawPath() + "?" + url.getRawQuery());
                                }
                            }
                        } catch (Exception e) {
                            latency[i] = System.nanoTime() - t0;
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new DecisionRun(n, pct(latency, 50) / 1e6, pct(latency, 99) / 1e6, n / seconds, failed.get(), filled.get(),
                java.util.Map.copyOf(scoredBy), ad);
    }

    private static long[] rankingAlone(String target, List<Long> campaignIds, int n) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        try {
            RankerGrpc.RankerBlockingStub stub = RankerGrpc.newBlockingStub(channel);
            ScoreRequest.Builder b = ScoreRequest.newBuilder().setRequestId(EventIds.random())
                    .setUser(UserFeatures.newBuilder().setUserId("load-user").setCountry("US").setAge(30).addInterests("sports"))
                    .setContext(ScoreContext.newBuilder().setPlacement(PLACEMENT).setHourOfDay(-1).addKeywords("shoes"));
            for (long id : campaignIds) {
                b.addCandidates(Candidate.newBuilder().setCampaignId(id).setCreativeId(id).setAdvertiserId(1).setAdSetId(id));
            }
            ScoreRequest request = b.build();
            for (int i = 0; i < 1_000; i++) {
                stub.withDeadlineAfter(2, TimeUnit.SECONDS).score(request);
            }
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                stub.withDeadlineAfter(2, TimeUnit.SECONDS).score(request);
                t[i] = System.nanoTime() - s;
            }
            return t;
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Beacons sent by {@code inFlight} connections in parallel; returns accepted events per second. */
    private static double ingest(URI base, List<String> paths, int inFlight) throws java.io.IOException {
        long start = System.nanoTime();
        BeaconClient.Result r = BeaconClient.send(base, paths, inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.failed() > 0) {
            System.out.printf("beacons failed: %d of %d%n", r.failed(), paths.size());
        }
        return r.ok() / seconds;
    }

    static long pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * s.length) - 1))];
    }

    /** Printed as it goes and written to a file at the end. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String fmt, Object... args) {
            String s = String.format(fmt, args);
            System.out.println("[decision-load] " + s);
            text.append(s).append('\n');
        }

        void write(java.nio.file.Path file) throws java.io.IOException {
            if (file.getParent() != null && java.nio.file.Files.isDirectory(file.getParent())) {
                java.nio.file.Files.writeString(file, text);
            }
        }
    }

    /** Creates (and afterwards archives) the benchmark's campaigns through the campaign API. */
    private static final class Seeder {
        private final URI base;
        private final String adminKey;
        private String key;

        Seeder(URI base, String adminKey) {
            this.base = base;
            this.adminKey = adminKey;
        }

        List<Long> seed(int n) throws Exception {
            try (LoopbackHttp http = new LoopbackHttp(base)) {
                String advertiser = created(http.post("/api/v1/advertisers", adminKey,
                        "{\"name\":\"decision load " + System.currentTimeMillis() + "\"}"));
                key = CampaignScenario.field(created(http.post("/api/v1/advertisers/"
                        + CampaignScenario.field(advertiser, "id") + "/api-keys", adminKey, "{\"name\":\"load\"}")), "key");
            }
            Long[] ids = new Long[n];
            AtomicInteger next = new AtomicInteger();
            LoadGenerator.Result r = LoadGenerator.run(8, n, Duration.ofMinutes(10), (user, i, rec) -> {
                int g = next.getAndIncrement();
                long t0 = System.nanoTime();
                ids[g] = campaign(g);
                rec.record("seed", System.nanoTime() - t0, true);
                return "seed";
            });
            if (r.recorder().failures() > 0 || Arrays.stream(ids).anyMatch(java.util.Objects::isNull)) {
                throw new IllegalStateException("seeding failed: " + r.report());
            }
            return List.of(ids);
        }

        private final ThreadLocal<LoopbackHttp> connections = new ThreadLocal<>();

        private LoopbackHttp http() {
            LoopbackHttp h = connections.get();
            if (h == null) {
                h = new LoopbackHttp(base);
                connections.set(h);
            }
            return h;
        }

        /** One campaign like a real advertiser sets it up: campaign, ad set, creative, review, activation. */
        private long campaign(int g) throws Exception {
            LoopbackHttp http = http();
            String strategy = g % 2 == 0 ? "CPM" : "CPC";
            long bid = g % 2 == 0 ? 1_000_000 + g * 1_000L : 200_000 + g * 100L;
            long id = Long.parseLong(CampaignScenario.field(created(http.post("/api/v1/campaigns", key,
                    "{\"name\":\"load " + g + "\",\"objective\":\"CLICKS\",\"dailyBudgetMicros\":1000000000000,"
                            + "\"bidStrategy\":\"" + strategy + "\",\"bidAmountMicros\":" + bid + ",\"timeZone\":\"UTC\"}")), "id"));
            String countries = g % 2 == 0 ? "[\"US\"]" : "[]";
            String interests = g % 5 == 0 ? "[\"sports\"]" : "[]";
            String devices = g % 7 == 0 ? "[\"DESKTOP\"]" : "[]";
            created(http.post("/api/v1/ad-sets", key, "{\"campaignId\":" + id + ",\"name\":\"set " + g
                    + "\",\"placements\":[\"ARTICLE\"],\"countries\":" + countries + ",\"interests\":" + interests
                    + ",\"devices\":" + devices + "}"));
            long creative = Long.parseLong(CampaignScenario.field(created(http.post("/api/v1/creatives", key,
                    "{\"campaignId\":" + id + ",\"headline\":\"Load " + g + "\",\"primaryText\":\"Fresh picks, delivered fast.\","
                            + "\"description\":\"Free returns\",\"callToAction\":\"SHOP_NOW\","
                            + "\"landingUrl\":\"https://shop.example/" + g + "\"}")), "id"));
            ok(http.post("/api/v1/creatives/" + creative + "/actions/submit", key, null));
            ok(http.post("/api/v1/creatives/" + creative + "/actions/approve", adminKey, null));
            ok(http.post("/api/v1/campaigns/" + id + "/actions/activate", key, null));
            return id;
        }

        void archive(List<Long> ids) throws InterruptedException {
            if (key == null || ids.isEmpty()) {
                return;
            }
            AtomicInteger next = new AtomicInteger();
            LoadGenerator.run(8, ids.size(), Duration.ofMinutes(5), (user, i, rec) -> {
                int k = next.getAndIncrement();
                if (k < ids.size()) {
                    http().post("/api/v1/campaigns/" + ids.get(k) + "/actions/archive", key, null);
                }
                return "archive";
            });
        }

        private static String created(LoopbackHttp.Response r) {
            if (r.status() != 201) {
                throw new IllegalStateException("expected 201, got " + r.status() + ": " + r.text());
            }
            return r.text();
        }

        private static void ok(LoopbackHttp.Response r) {
            if (r.status() / 100 != 2) {
                throw new IllegalStateException("expected 2xx, got " + r.status() + ": " + r.text());
            }
        }
    }
}
