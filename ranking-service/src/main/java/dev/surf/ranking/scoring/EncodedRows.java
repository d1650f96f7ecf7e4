package dev.surf.ranking.scoring;

import dev.surf.ranking.model.ModelContract;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Candidates encoded per the model contract: row-major sparse ids and dense features, written into
 * Java arrays (the fastest to fill row by row) and handed to ONNX Runtime through off-heap buffers of
 * native byte order, which it reads in place: given a Java array it would allocate, zero and fill a
 * new direct buffer on every run. Instances are reused through a {@link RowBufferPool}; rows
 * [0, {@link #rows()}) are the valid ones.
 */
public final class EncodedRows {
    private static final int F = ModelContract.SPARSE_SLOTS;
    private static final int D = ModelContract.DENSE_FEATURES;

    private final long[] sparse;
    private final float[] dense;
    private final LongBuffer sparseDirect;
    private final FloatBuffer denseDirect;
    private final int capacity;
    private int rows;

    private EncodedRows(int capacity) {
        this.capacity = capacity;
        this.sparse = new long[capacity * F];
        this.dense = new float[capacity * D];
        this.sparseDirect = ByteBuffer.allocateDirect(capacity * F * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
        this.denseDirect = ByteBuffer.allocateDirect(capacity * D * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Room for {@code capacity} rows, none valid yet. */
    static EncodedRows allocate(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        return new EncodedRows(capacity);
    }

    /** {@code rows} rows copied from arrays (tests, the registry's smoke test). */
    public static EncodedRows of(long[] sparse, float[] dense, int rows) {
        if (sparse.length < rows * F || dense.length < rows * D) {
            throw new IllegalArgumentException("arrays hold fewer than " + rows + " rows");
        }
        EncodedRows r = allocate(Math.max(1, rows));
        System.arraycopy(sparse, 0, r.sparse, 0, rows * F);
        System.arraycopy(dense, 0, r.dense, 0, rows * D);
        r.rows = rows;
        return r;
    }

    EncodedRows reset(int rows) {
        if (rows < 0 || rows > capacity) {
            throw new IllegalArgumentException(rows + " rows do not fit in " + capacity);
        }
        this.rows = rows;
        return this;
    }

    public int rows() {
        return rows;
    }

    int capacity() {
        return capacity;
    }

    /** The valid rows' sparse ids copied (one bulk copy) into a buffer ONNX Runtime reads in place. */
    LongBuffer sparseRows() {
        return sparseDirect.put(0, sparse, 0, rows * F).slice(0, rows * F);
    }

    /** As {@link #sparseRows()}, for the dense features. */
    FloatBuffer denseRows() {
        return denseDirect.put(0, dense, 0, rows * D).slice(0, rows * D);
    }

    /** The whole arrays, for the feature builder to write rows into. */
    long[] sparse() {
        return sparse;
    }

    float[] dense() {
        return dense;
    }

    /** Appends {@code from}'s valid rows after this one's (a batch of several requests). */
    void append(EncodedRows from) {
        reset(rows + from.rows);
        int at = rows - from.rows;
        System.arraycopy(from.sparse, 0, sparse, at * F, from.rows * F);
        System.arraycopy(from.dense, 0, dense, at * D, from.rows * D);
    }

    /** A copy of one row's sparse ids. */
    public long[] sparseRow(int row) {
        long[] out = new long[F];
        System.arraycopy(sparse, checked(row) * F, out, 0, F);
        return out;
    }

    /** A copy of one row's dense features. */
    public float[] denseRow(int row) {
        float[] out = new float[D];
        System.arraycopy(dense, checked(row) * D, out, 0, D);
        return out;
    }

    private int checked(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        return row;
    }
}
