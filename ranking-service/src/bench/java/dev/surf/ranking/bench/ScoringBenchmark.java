package dev.surf.ranking.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.DlrmModel;
import dev.surf.ranking.model.DlrmOnnxExporter;
import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.OnnxExporter;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.scoring.EncodedRows;
import dev.surf.ranking.scoring.LoadedModel;
import dev.surf.ranking.scoring.MicroBatcher;
import dev.surf.ranking.scoring.ModelHolder;
import dev.surf.ranking.scoring.ModelRunner;
import dev.surf.ranking.scoring.RankerService;
import dev.surf.ranking.scoring.RowBufferPool;
import dev.surf.ranking.scoring.ScoreFeatureBuilder;
import dev.surf.ranking.scoring.ScoreRequestValidator;
import dev.surf.ranking.scoring.SessionFactory;
import dev.surf.ranking.training.DlrmTrainer;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.ScoreResponse;
import dev.surf.ranking.v1.UserFeatures;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Service path (validation + feature building + micro-batcher + session + response) against raw
 * OrtSession.run on the same model and batch sizes, in the same run. One op = one request of
 * {@code candidates} rows, so candidates/s = ops/s x candidates.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScoringBenchmark {
    @Param({"1", "100", "1000"})
    int candidates;

    /** linear = the logistic model (the cheapest session, so the overhead shows most); dlrm = the DLRM network. */
    @Param({"linear", "dlrm"})
    String model;

    private SessionFactory sessions;
    private ModelHolder holder;
    private MicroBatcher batcher;
    private RowBufferPool buffers;
    private ScoreFeatureBuilder features;
    private ScoreRequestValidator validator;
    private ScoreRequest request;
    private long[] sparse;
    private float[] dense;
    private EncodedRows directRows;
    private MicroBatcher.Scores scores;
    private OrtSession rawSession;
    private OrtEnvironment env;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] onnx = "dlrm".equals(model) ? dlrm() : linear();
        sessions = new SessionFactory(System.getProperty("surf.bench.ep", "cpu"), 0, Integer.getInteger("surf.bench.intra-op-threads", 0));
        env = sessions.environment();
        holder = new ModelHolder();
        holder.swap(new LoadedModel(sessions.create(onnx), "bench", 1, "-"));
        rawSession = sessions.create(onnx);
        // max wait 0: one caller never waits for a batch to fill, so this measures pure overhead.
        buffers = new RowBufferPool(1024, 16);
        batcher = new MicroBatcher(holder, sessions, buffers, 1024, Duration.ZERO, 1024,
                Integer.getInteger("surf.bench.leaders", Runtime.getRuntime().availableProcessors()), n -> { });
        features = new ScoreFeatureBuilder(FeatureLookup.NONE, new Priors(0.01, 0.05, 100), buffers);
        validator = new ScoreRequestValidator(1000);
        ScoreRequest.Builder r = ScoreRequest.newBuilder().setRequestId("bench")
                .setUser(UserFeatures.newBuilder().setUserId("u-1").setCountry("DE").setAge(31).setGender("f").addInterests("sports"))
                .setContext(ScoreContext.newBuilder().setPlacement("feed").setDevice("mobile").setHourOfDay(14).addKeywords("run"));
        for (int i = 0; i < candidates; i++) {
            r.addCandidates(Candidate.newBuilder().setCampaignId(1 + i % 50).setCreativeId(1000 + i).setAdvertiserId(1 + i % 9)
                    .setAdSetId(1 + i % 20).addCategories(i % 2 == 0 ? "sports" : "travel"));
        }
        request = r.build();
        directRows = features.build(request);
        scores = new MicroBatcher.Scores(new float[candidates], new float[candidates], "bench", 1);
        sparse = new long[candidates * ModelContract.SPARSE_SLOTS];
        dense = new float[candidates * ModelContract.DENSE_FEATURES];
        for (int i = 0; i < candidates; i++) {
            System.arraycopy(directRows.sparseRow(i), 0, sparse, i * ModelContract.SPARSE_SLOTS, ModelContract.SPARSE_SLOTS);
            System.arraycopy(directRows.denseRow(i), 0, dense, i * ModelContract.DENSE_FEATURES, ModelContract.DENSE_FEATURES);
        }
    }

    private static byte[] linear() {
        Random rnd = new Random(1);
        LogisticModel m = LogisticModel.prior();
        for (int i = 0; i < m.sparse().length; i++) {
            m.sparse()[i] = (float) (rnd.nextGaussian() * 0.1);
        }
        return OnnxExporter.export(m, Map.of());
    }

    /** A DLRM of the default shape, trained for one epoch on random rows (timing needs its shape, not its skill). */
    private static byte[] dlrm() {
        Random rnd = new Random(2);
        int n = 2_000;
        long[] ids = new long[n * ModelContract.SPARSE_SLOTS];
        float[] x = new float[n * ModelContract.DENSE_FEATURES];
        boolean[] y = new boolean[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < ModelContract.SPARSE_SLOTS; s++) {
                ids[i * ModelContract.SPARSE_SLOTS + s] = rnd.nextInt(ModelContract.HASH_BUCKETS);
            }
            x[i * ModelContract.DENSE_FEATURES] = (float) rnd.nextGaussian();
            y[i] = rnd.nextInt(10) == 0;
            rows[i] = i;
        }
        var trainer = new DlrmTrainer(ModelContract.HASH_BUCKETS, ModelContract.SPARSE_SLOTS, ModelContract.DENSE_FEATURES,
                DlrmTrainer.Options.defaults());
        return DlrmOnnxExporter.export(new DlrmModel(trainer.train(ids, x, y, rows), trainer.train(ids, x, y, rows)), Map.of());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        batcher.close();
        rawSession.close();
    }

    /**
     * The plain way: tensors from the encoded Java arrays (ONNX Runtime copies them to direct memory), run,
     * read both outputs (the service needs p_ctr and p_cvr too).
     */
    @Benchmark
    public float[][] rawSessionRun() throws Exception {
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(sparse), new long[] {candidates, ModelContract.SPARSE_SLOTS});
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(dense), new long[] {candidates, ModelContract.DENSE_FEATURES});
             OrtSession.Result res = rawSession.run(Map.of(ModelContract.INPUT_SPARSE, ids, ModelContract.INPUT_DENSE, x))) {
            float[] ctr = new float[candidates];
            float[] cvr = new float[candidates];
            ((OnnxTensor) res.get(0)).getFloatBuffer().get(ctr);
            ((OnnxTensor) res.get(1)).getFloatBuffer().get(cvr);
            return new float[][] {ctr, cvr};
        }
    }

    /**
     * Nanoseconds spent in raw and in service calls made alternately by one caller (which goes first
     * alternates too), so both see the same moments of this noisy shared machine: the ratio
     * rawNanos / serviceNanos is the service's share of raw throughput. Reported as secondary results.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PairedTimes {
        public long rawNanos;
        public long serviceNanos;
        boolean rawFirst;

        @Setup(Level.Iteration)
        public void reset() {
            rawNanos = 0;
            serviceNanos = 0;
        }
    }

    @Benchmark
    public void paired(PairedTimes t, Blackhole bh) throws Exception {
        t.rawFirst = !t.rawFirst;
        if (t.rawFirst) {
            t.rawNanos += timeRaw(bh);
            t.serviceNanos += timeService(bh);
        } else {
            t.serviceNanos += timeService(bh);
            t.rawNanos += timeRaw(bh);
        }
    }

    /** {@link #paired} with four callers at once: raw and service calls overlap in every combination. */
    @Benchmark
    @Threads(4)
    public void paired4Callers(PairedTimes t, Blackhole bh) throws Exception {
        paired(t, bh);
    }

    private long timeRaw(Blackhole bh) throws Exception {
        long start = System.nanoTime();
        bh.consume(rawSessionRun());
        return System.nanoTime() - start;
    }

    private long timeService(Blackhole bh) {
        long start = System.nanoTime();
        bh.consume(servicePath());
        return System.nanoTime() - start;
    }

    /** The floor: the rows already in direct buffers (read in place, no copy), run, read both outputs. */
    @Benchmark
    public float[][] rawSessionRunDirect() throws Exception {
        return ModelRunner.run(env, rawSession, directRows);
    }

    /** Four callers at once on the same session (ONNX Runtime sessions are thread-safe). */
    @Benchmark
    @Threads(4)
    public float[][] rawSessionRun4Callers() throws Exception {
        return rawSessionRun();
    }

    /** Four callers at once: the batcher coalesces what queues while a batch runs. */
    @Benchmark
    @Threads(4)
    public ScoreResponse servicePath4Callers() {
        return servicePath();
    }

    @Benchmark
    public ScoreResponse servicePath() {
        validator.validate(request);
        MicroBatcher.Scores s = batcher.submit(features.build(request)).join();
        return RankerService.response(request, s).build();
    }

    /** Breakdown: request validation alone. */
    @Benchmark
    public ScoreRequest validateOnly() {
        validator.validate(request);
        return request;
    }

    /** Breakdown: building the response from scores alone. */
    @Benchmark
    public ScoreResponse responseOnly() {
        return RankerService.response(request, scores).build();
    }

    /** The part of servicePath that raw does not do at all (for the breakdown in the README). */
    @Benchmark
    public EncodedRows featuresOnly() {
        validator.validate(request);
        EncodedRows r = features.build(request);
        buffers.give(r);
        return r;
    }
}
