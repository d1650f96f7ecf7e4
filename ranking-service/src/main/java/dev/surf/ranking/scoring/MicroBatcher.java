package dev.surf.ranking.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * Dynamic micro-batching without a hand-off thread (the "combining" pattern of group commit):
 * every Score call queues its rows, then tries to become one of at most {@code leaders} leaders. A
 * leader drains the queue in batches of up to {@code maxRows} rows (waiting at most {@code maxWait} for
 * more), runs each through the session and completes every caller's future with its slice; callers
 * that arrive while every leader is busy queue up and ride in the next batch. More than one leader
 * lets batches run side by side on a multi-core CPU (one session.run mostly keeps one core busy). A lone request therefore runs on its own thread at once,
 * with no queue wake-up, while concurrent requests still coalesce. A request larger than
 * {@code maxRows} runs as a batch of its own; a full queue rejects at once rather than letting latency
 * grow unbounded. Batches never mix model versions. A named version that is not loaded yet is
 * loaded on a separate loader thread first (it reads the registry), never on the caller's thread.
 * Each job's rows come in a pooled direct buffer that the batcher hands back once its batch ran.
 */
public final class MicroBatcher implements AutoCloseable {
    /** One request's scores, in its row order, and the model that produced them. */
    public record Scores(float[] ctr, float[] cvr, String modelName, long modelVersion) {
    }

    /** {@code rows} is kept apart from the buffer: once batched, the buffer goes back to the pool and is reused. */
    private record Job(EncodedRows encoded, int rows, long version, CompletableFuture<Scores> result) {
    }

    private static final String SHUTTING_DOWN = "the scorer is shutting down";

    private final ModelSource models;
    private final SessionFactory sessions;
    private final RowBufferPool buffers;
    private final int maxRows;
    private final long maxWaitNanos;
    private final BlockingQueue<Job> queue;
    private final Semaphore leaders;
    private final int leaderCount;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("ranking-model-loader").daemon(true).unstarted(r));
    private final IntConsumer batchObserver;
    private volatile boolean running = true;

    public MicroBatcher(ModelSource models, SessionFactory sessions, RowBufferPool buffers, int maxRows, Duration maxWait,
                        int queueCapacity, int leaders, IntConsumer batchObserver) {
        if (maxRows < 1 || queueCapacity < 1 || leaders < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("batcher needs max rows, queue capacity and leaders >= 1 and max wait >= 0");
        }
        this.leaders = new Semaphore(leaders);
        this.leaderCount = leaders;
        this.models = models;
        this.sessions = sessions;
        this.buffers = buffers;
        this.maxRows = maxRows;
        this.maxWaitNanos = maxWait.toNanos();
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.batchObserver = batchObserver;
    }

    /** Scores the rows with the live model; the batcher owns {@code rows} from here on and hands it back to the pool. */
    public CompletableFuture<Scores> submit(EncodedRows rows) {
        return submit(rows, ModelSource.LIVE);
    }

    /** As {@link #submit(EncodedRows)}, scored by model {@code version} ({@link ModelSource#LIVE} = live). */
    public CompletableFuture<Scores> submit(EncodedRows rows, long version) {
        CompletableFuture<Scores> f = new CompletableFuture<>();
        Job job = new Job(rows, rows.rows(), version, f);
        if (!running) {
            reject(job, SHUTTING_DOWN);
        } else if (!models.isReady(version)) {
            loadThenEnqueue(job);
        } else {
            enqueueAndLead(job);
        }
        return f;
    }

    private void loadThenEnqueue(Job job) {
        try {
            loader.execute(() -> {
                try {
                    models.acquire(job.version()).release();
                } catch (RuntimeException e) {
                    buffers.give(job.encoded());
                    job.result().completeExceptionally(e);
                    return;
                }
                enqueueAndLead(job);
            });
        } catch (RejectedExecutionException e) {
            reject(job, SHUTTING_DOWN);
        }
    }

    private void enqueueAndLead(Job job) {
        if (!queue.offer(job)) {
            reject(job, "the scoring queue is full");
            return;
        }
        // Re-check after unlocking: a job queued while the last leader was finishing must not be stranded.
        while (!queue.isEmpty() && leaders.tryAcquire()) {
            try {
                drain();
            } finally {
                leaders.release();
            }
        }
    }

    /** Runs batches until the queue is empty; only the leader calls this. */
    private void drain() {
        Job carry = null;
        while (running) {
            Job first = carry != null ? carry : queue.poll();
            carry = null;
            if (first == null) {
                return;
            }
            List<Job> batch = new ArrayList<>();
            batch.add(first);
            int rows = first.rows();
            long deadline = System.nanoTime() + maxWaitNanos;
            while (rows < maxRows) {
                Job next = next(deadline);
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
        }
        if (carry != null) {
            reject(carry, SHUTTING_DOWN);
        }
    }

    private Job next(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return queue.poll();
        }
        try {
            return queue.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void run(List<Job> batch, int rows, long version) {
        EncodedRows input = batch.size() == 1 ? batch.getFirst().encoded() : concat(batch, rows);
        try {
            LoadedModel model = models.acquire(version);
            float[][] out;
            try {
                out = ModelRunner.run(sessions.environment(), model.session(), input);
            } finally {
                model.release();
            }
            batchObserver.accept(rows);
            if (batch.size() == 1) {
                batch.getFirst().result().complete(new Scores(out[0], out[1], model.name(), model.version()));
                return;
            }
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
        } finally {
            buffers.give(input);
        }
    }

    /** One buffer holding every job's rows in order; the jobs' own buffers go back to the pool. */
    private EncodedRows concat(List<Job> batch, int rows) {
        EncodedRows all = buffers.take(rows).reset(0);
        for (Job j : batch) {
            all.append(j.encoded());
            buffers.give(j.encoded());
        }
        return all;
    }

    private void reject(Job job, String why) {
        buffers.give(job.encoded());
        job.result().completeExceptionally(new RejectedExecutionException(why));
    }

    @Override
    public void close() {
        running = false;
        loader.shutdownNow();
        leaders.acquireUninterruptibly(leaderCount);
        try {
            Job j;
            while ((j = queue.poll()) != null) {
                reject(j, SHUTTING_DOWN);
            }
        } finally {
            leaders.release(leaderCount);
        }
    }
}
