package dev.surf.ranking.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.OnnxExporter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The combining batcher on real ONNX Runtime sessions (the prior model: p_ctr = sigmoid(dense[0]), so
 * every caller can check it got its own rows back). A gate in front of the model source holds the
 * first batch, so requests that arrive meanwhile must queue and ride together in the next one.
 */
class MicroBatcherTest {
    private final SessionFactory sessions = new SessionFactory("cpu", 0, 1);
    private final List<Integer> batchRows = new CopyOnWriteArrayList<>();
    private final List<String> acquiredOn = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private volatile boolean namedVersionLoaded;
    private MicroBatcher batcher;

    /** Live = version 1; version 2 is a named version that needs loading; anything else is unknown. */
    private final ModelSource gatedModels = new ModelSource() {
        private final LoadedModel v1 = model(1);
        private final LoadedModel v2 = model(2);

        @Override
        public LoadedModel acquire(long version) {
            acquiredOn.add(Thread.currentThread().getName());
            firstBatchStarted.countDown();
            await(gate);
            if (version == LIVE || version == 1) {
                v1.tryAcquire();
                return v1;
            }
            if (version == 2) {
                namedVersionLoaded = true;
                v2.tryAcquire();
                return v2;
            }
            throw new UnknownModelVersionException("model version " + version + " is not in the registry");
        }

        @Override
        public boolean isReady(long version) {
            return version == LIVE || version == 1 || (version == 2 && namedVersionLoaded);
        }
    };

    @AfterEach
    void close() {
        gate.countDown();
        if (batcher != null) {
            batcher.close();
        }
    }

    @Test
    void requestsArrivingWhileABatchRunsAreScoredTogetherInTheNext() throws Exception {
        batcher = new MicroBatcher(gatedModels, sessions, new RowBufferPool(1024, 8), 1024, Duration.ZERO, 64, 1, batchRows::add);
        CompletableFuture<CompletableFuture<MicroBatcher.Scores>> first = CompletableFuture.supplyAsync(() -> submit(0.5f, 1));
        assertTrue(firstBatchStarted.await(5, TimeUnit.SECONDS));
        // the first caller leads and is held inside its batch: these queue behind it
        CompletableFuture<MicroBatcher.Scores> b = submit(-1f, 2);
        CompletableFuture<MicroBatcher.Scores> c = submit(2f, 3);
        gate.countDown();
        assertScores(first.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS), 0.5f, 1);
        assertScores(b.get(5, TimeUnit.SECONDS), -1f, 2);
        assertScores(c.get(5, TimeUnit.SECONDS), 2f, 3);
        assertEquals(List.of(1, 5), batchRows, "rows per session.run");
    }

    @Test
    void withTwoLeadersASecondBatchRunsWhileTheFirstIsHeld() throws Exception {
        batcher = new MicroBatcher(gatedModels, sessions, new RowBufferPool(1024, 8), 1024, Duration.ZERO, 64, 2, batchRows::add);
        var callers = java.util.concurrent.Executors.newFixedThreadPool(2); // the common pool may have one thread
        CompletableFuture<CompletableFuture<MicroBatcher.Scores>> first = CompletableFuture.supplyAsync(() -> submit(0.5f, 1), callers);
        assertTrue(firstBatchStarted.await(5, TimeUnit.SECONDS));
        // the second caller finds a free leader slot and reaches the model while the first is still held
        CompletableFuture<CompletableFuture<MicroBatcher.Scores>> second = CompletableFuture.supplyAsync(() -> submit(1f, 2), callers);
        callers.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (acquiredOn.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, acquiredOn.size(), "two batches inside the model at once");
        gate.countDown();
        assertScores(first.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS), 0.5f, 1);
        assertScores(second.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS), 1f, 2);
    }

    @Test
    void aLoneRequestRunsOnItsCallersThread() throws Exception {
        gate.countDown();
        batcher = new MicroBatcher(gatedModels, sessions, new RowBufferPool(1024, 8), 1024, Duration.ZERO, 64, 1, batchRows::add);
        assertScores(submit(0.25f, 4).get(5, TimeUnit.SECONDS), 0.25f, 4);
        assertEquals(List.of(Thread.currentThread().getName()), acquiredOn);
    }

    @Test
    void batchesNeverMixVersionsAndANamedVersionLoadsOffTheCallersThread() throws Exception {
        gate.countDown();
        batcher = new MicroBatcher(gatedModels, sessions, new RowBufferPool(1024, 8), 1024, Duration.ZERO, 64, 1, batchRows::add);
        MicroBatcher.Scores named = batcher.submit(EncodedRows.of(rows(1), dense(1f, 1), 1), 2).get(5, TimeUnit.SECONDS);
        assertEquals(2, named.modelVersion());
        assertEquals("ranking-model-loader", acquiredOn.getFirst(), "the load ran on the loader thread");
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> batcher.submit(EncodedRows.of(rows(1), dense(1f, 1), 1), 99).get(5, TimeUnit.SECONDS));
        assertInstanceOf(UnknownModelVersionException.class, unknown.getCause());
        assertEquals("ranking-model-loader", acquiredOn.getLast());
        assertEquals(1, batcher.submit(EncodedRows.of(rows(1), dense(1f, 1), 1), ModelSource.LIVE).get(5, TimeUnit.SECONDS).modelVersion());
    }

    @Test
    void aFullQueueRejectsAtOnce() throws Exception {
        batcher = new MicroBatcher(gatedModels, sessions, new RowBufferPool(1024, 8), 1024, Duration.ZERO, 1, 1, batchRows::add);
        CompletableFuture<CompletableFuture<MicroBatcher.Scores>> first = CompletableFuture.supplyAsync(() -> submit(0f, 1));
        assertTrue(firstBatchStarted.await(5, TimeUnit.SECONDS));
        CompletableFuture<MicroBatcher.Scores> queued = submit(0f, 1);
        ExecutionException full = assertThrows(ExecutionException.class, () -> submit(0f, 1).get(1, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, full.getCause());
        gate.countDown();
        first.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
        queued.get(5, TimeUnit.SECONDS);
    }

    private CompletableFuture<MicroBatcher.Scores> submit(float logit, int n) {
        return batcher.submit(EncodedRows.of(rows(n), dense(logit, n), n));
    }

    private static long[] rows(int n) {
        return new long[n * ModelContract.SPARSE_SLOTS];
    }

    /** n rows whose CTR logit is {@code logit + row}. */
    private static float[] dense(float logit, int n) {
        float[] d = new float[n * ModelContract.DENSE_FEATURES];
        for (int i = 0; i < n; i++) {
            d[i * ModelContract.DENSE_FEATURES] = logit + i;
        }
        return d;
    }

    private static void assertScores(MicroBatcher.Scores s, float logit, int n) {
        assertEquals(n, s.ctr().length);
        for (int i = 0; i < n; i++) {
            assertEquals(1 / (1 + Math.exp(-(logit + i))), s.ctr()[i], 1e-6, "row " + i);
        }
    }

    private LoadedModel model(long version) {
        try {
            return new LoadedModel(sessions.create(OnnxExporter.export(LogisticModel.prior(), Map.of())), "ctr", version, "-");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
