package dev.surf.ranking.scoring;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a few {@link EncodedRows} of {@code rowsPerBuffer} rows for reuse: allocating and zeroing
 * ~150 KiB of direct memory per 1,000-candidate request would cost more than the logistic model's
 * whole run. Requests larger than {@code rowsPerBuffer} get a buffer of their own that is not kept.
 * A buffer that is never given back is simply collected.
 */
public final class RowBufferPool {
    private final int rowsPerBuffer;
    private final int maxKept;
    private final ConcurrentLinkedQueue<EncodedRows> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    public RowBufferPool(int rowsPerBuffer, int maxKept) {
        if (rowsPerBuffer < 1 || maxKept < 0) {
            throw new IllegalArgumentException("rows per buffer must be >= 1 and buffers kept >= 0");
        }
        this.rowsPerBuffer = rowsPerBuffer;
        this.maxKept = maxKept;
    }

    /** A buffer with room for {@code rows} rows, reset to hold exactly that many. */
    public EncodedRows take(int rows) {
        if (rows > rowsPerBuffer) {
            return EncodedRows.allocate(rows).reset(rows);
        }
        EncodedRows r = free.poll();
        if (r == null) {
            return EncodedRows.allocate(rowsPerBuffer).reset(rows);
        }
        kept.decrementAndGet();
        return r.reset(rows);
    }

    /** Hands a buffer back once nothing reads it any more. */
    public void give(EncodedRows rows) {
        if (rows.capacity() != rowsPerBuffer) {
            return; // a one-off for an oversized request
        }
        if (kept.incrementAndGet() <= maxKept) {
            free.offer(rows);
        } else {
            kept.decrementAndGet();
        }
    }
}
