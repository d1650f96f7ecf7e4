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
import dev.surf.ranking.scoring.RankerService;
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
    private ScoreFeatureBuilder features;
    private ScoreRequestValidator validator;
    private ScoreRequest request;
    private EncodedRows rows;
    private OrtSession rawSession;
    private OrtEnvironment env;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] onnx = "dlrm".equals(model) ? dlrm() : linear();
        sessions = new SessionFactory(System.getProperty("surf.bench.ep", "cpu"), 0, 0);
        env = sessions.environment();
        holder = new ModelHolder();
        holder.swap(new LoadedModel(sessions.create(onnx), "bench", 1, "-"));
        rawSession = sessions.create(onnx);
        // max wait 0: one caller never waits for a batch to fill, so this measures pure overhead.
        batcher = new MicroBatcher(holder, sessions, 1024, Duration.ZERO, 1024, Runtime.getRuntime().availableProcessors(), n -> { });
        features = new ScoreFeatureBuilder(FeatureLookup.NONE, new Priors(0.01, 0.05, 100));
        validator = new ScoreRequestValidator(1000);
        ScoreRequest.Builder r = ScoreRequest.newBuilder().setRequestId("bench")
                .setUser(UserFeatures.newBuilder().setUserId("u-1").setCountry("DE").setAge(31).setGender("f").addInterests("sports"))
                .setContext(ScoreContext.newBuilder().setPlacement("feed").setDevice("mobile").setHourOfDay(14).addKeywords("run"));
        for (int i = 0; i < candidates; i++) {
            r.addCandidates(Candidate.newBuilder().setCampaignId(1 + i % 50).setCreativeId(1000 + i).setAdvertiserId(1 + i % 9)
                    .setAdSetId(1 + i % 20).addCategories(i % 2 == 0 ? "sports" : "travel"));
        }
        request = r.build();
        rows = features.build(request);
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

    @Benchmark
    public float[] rawSessionRun() throws Exception {
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(rows.sparse()), new long[] {candidates, ModelContract.SPARSE_SLOTS});
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(rows.dense()), new long[] {candidates, ModelContract.DENSE_FEATURES});
             OrtSession.Result res = rawSession.run(Map.of(ModelContract.INPUT_SPARSE, ids, ModelContract.INPUT_DENSE, x))) {
            float[] out = new float[candidates];
            ((OnnxTensor) res.get(0)).getFloatBuffer().get(out);
            return out;
        }
    }

    /** Four callers at once on the same session (ONNX Runtime sessions are thread-safe). */
    @Benchmark
    @Threads(4)
    public float[] rawSessionRun4Callers() throws Exception {
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
        EncodedRows encoded = features.build(request);
        MicroBatcher.Scores s = batcher.submit(encoded.sparse(), encoded.dense(), encoded.rows()).join();
        return RankerService.response(request, s).build();
    }

    /** The part of servicePath that raw does not do at all (for the breakdown in the README). */
    @Benchmark
    public EncodedRows featuresOnly() {
        validator.validate(request);
        return features.build(request);
    }
}
