package dev.surf.ranking.scoring;

import dev.surf.ranking.model.ModelContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Dynamic micro-batching (as Triton does it): concurrent Score calls queue their rows; a worker takes
 * the first, waits at most {@code maxWait} for more, up to {@code maxRows} rows, runs them through the
 * live session as one batch and hands each caller its slice. A request larger than {@code maxRows}
 * runs as a batch of its own. A full queue rejects at once rather than letting latency grow unbounded.
 * Requests for a named model version (A/B tests) are batched only with requests for the same version.
 */
public final class MicroBatcher implements AutoCloseable {
    /** One request's scores, in its row order, and the model that produced them. */
    public record Scores(float[] ctr, float[] cvr, String modelName, long modelVersion) {
    }

    private record Job(long[] sparse, float[] dense, int rows, long version, CompletableFuture<Scores> result) {
    }

    private final ModelSource models;
    private final SessionFactory sessions;
    private final int maxRows;
    private final long maxWaitNanos;
    private final BlockingQueue<Job> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final IntConsumer batchObserver;
    private volatile boolean running = true;

    public MicroBatcher(ModelSource models, SessionFactory sessions, int maxRows, Duration maxWait, int queueCapacity,
                        int workerCount, IntConsumer batchObserver) {
        if (maxRows < 1 || workerCount < 1 || queueCapacity < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("batcher needs max rows, workers and queue capacity >= 1 and max wait >= 0");
        }
        this.models = models;
        this.sessions = sessions;
        this.maxRows = maxRows;
        this.maxWaitNanos = maxWait.toNanos();
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.batchObserver = batchObserver;
        for (int i = 0; i < workerCount; i++) {
            Thread t = Thread.ofPlatform().name("ranking-batcher-" + i).daemon(true).start(this::work);
            workers.add(t);
        }
    }

    /** Queues {@code rows} rows ({@link ModelContract} layout); completes with their scores. */
    public CompletableFuture<Scores> submit(long[] sparse, float[] dense, int rows) {
        return submit(sparse, dense, rows, ModelSource.LIVE);
    }

    /** As {@link #submit(long[], float[], int)}, scored by model {@code version} ({@link ModelSource#LIVE} = live). */
    public CompletableFuture<Scores> submit(long[] sparse, float[] dense, int rows, long version) {
        CompletableFuture<Scores> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new RejectedExecutionException("the scorer is shutting down"));
        } else if (!queue.offer(new Job(sparse, dense, rows, version, f))) {
            f.completeExceptionally(new RejectedExecutionException("the scoring queue is full"));
        }
        return f;
    }

    private void work() {
        Job carry = null;
        while (running) {
            try {
                Job first = carry != null ? carry : queue.poll(100, TimeUnit.MILLISECONDS);
                carry = null;
                if (first == null) {
                    continue;
                }
                List<Job> batch = new ArrayList<>();
                batch.add(first);
                int rows = first.rows();
                long deadline = System.nanoTime() + maxWaitNanos;
                while (rows < maxRows) {
                    long left = deadline - System.nanoTime();
                    Job next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (rows + next.rows() > maxRows || next.version() != first.version()) {
                        carry = next;
                        break;
                    }
                    batch.add(next);
                    rows += next.rows();
                }
                run(batch, rows, first.version());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (carry != null) {
            carry.result().completeExceptionally(new RejectedExecutionException("the scorer is shutting down"));
        }
    }

    private void run(List<Job> batch, int rows, long version) {
        try {
            long[] sparse;
            float[] dense;
            if (batch.size() == 1) {
                sparse = batch.getFirst().sparse();
                dense = batch.getFirst().dense();
            } else {
                sparse = new long[rows * ModelContract.SPARSE_SLOTS];
                dense = new float[rows * ModelContract.DENSE_FEATURES];
                int at = 0;
                for (Job j : batch) {
                    System.arraycopy(j.sparse(), 0, sparse, at * ModelContract.SPARSE_SLOTS, j.rows() * ModelContract.SPARSE_SLOTS);
                    System.arraycopy(j.dense(), 0, dense, at * ModelContract.DENSE_FEATURES, j.rows() * ModelContract.DENSE_FEATURES);
                    at += j.rows();
                }
            }
            LoadedModel model = models.acquire(version);
            float[][] out;
            try {
                out = ModelRunner.run(sessions.environment(), model.session(), sparse, dense, rows);
            } finally {
                model.release();
            }
            batchObserver.accept(rows);
            int at = 0;
            for (Job j : batch) {
                float[] ctr = new float[j.rows()];
                float[] cvr = new float[j.rows()];
                System.arraycopy(out[0], at, ctr, 0, j.rows());
                System.arraycopy(out[1], at, cvr, 0, j.rows());
                at += j.rows();
                j.result().complete(new Scores(ctr, cvr, model.name(), model.version()));
            }
        } catch (Exception e) {
            for (Job j : batch) {
                j.result().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : workers) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Job j;
        while ((j = queue.poll()) != null) {
            j.result().completeExceptionally(new RejectedExecutionException("the scorer is shutting down"));
        }
    }
}
