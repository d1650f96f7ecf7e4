package dev.surf.creative.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes a llama2.c checkpoint (legacy format) with random weights, for speed measurements on a
 * model larger than the reference one. Norm weights are 1, matrices N(0, 0.02).
 */
public final class RandomCheckpoint {
    private RandomCheckpoint() {
    }

    /** The ~100M-parameter shape used by the benchmark: dim 768, 12 layers, 12 heads, FFN 2560. */
    public static void write100M(Path out, int vocab) throws IOException {
        write(out, 768, 2560, 12, 12, 12, vocab, 1024, 42);
    }

    public static void write(Path out, int dim, int hidden, int layers, int heads, int kvHeads, int vocab, int seqLen,
                             long seed) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        SplittableRandom rnd = new SplittableRandom(seed);
        int kvDim = dim * kvHeads / heads;
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer h = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(dim).putInt(hidden).putInt(layers).putInt(heads).putInt(kvHeads).putInt(vocab).putInt(seqLen).flip();
            ch.write(h);
            Writer w = new Writer(ch, rnd);
            w.gaussian((long) vocab * dim);
            w.constant((long) layers * dim, 1f);
            w.gaussian((long) layers * dim * dim);
            w.gaussian((long) layers * dim * kvDim);
            w.gaussian((long) layers * dim * kvDim);
            w.gaussian((long) layers * dim * dim);
            w.constant((long) layers * dim, 1f);
            w.gaussian((long) layers * dim * hidden);
            w.gaussian((long) layers * hidden * dim);
            w.gaussian((long) layers * dim * hidden);
            w.constant(dim, 1f);
            w.constant((long) seqLen * (dim / heads), 0f); // freq_cis real + imag (unused by llama.cpp)
        }
    }

    private static final class Writer {
        private final FileChannel ch;
        private final SplittableRandom rnd;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Writer(FileChannel ch, SplittableRandom rnd) {
            this.ch = ch;
            this.rnd = rnd;
        }

        void gaussian(long n) throws IOException {
            for (long i = 0; i < n; i++) {
                put((float) (nextGaussian() * 0.02));
            }
            flush();
        }

        void constant(long n, float v) throws IOException {
            for (long i = 0; i < n; i++) {
                put(v);
            }
            flush();
        }

        private double nextGaussian() {
            // Box-Muller from two uniforms; SplittableRandom has no nextGaussian of its own in every JDK
            double u = 1.0 - rnd.nextDouble();
            double v = rnd.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        private void put(float f) throws IOException {
            if (buf.remaining() < 4) {
                flush();
            }
            buf.putFloat(f);
        }

        private void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            buf.clear();
        }
    }
}
