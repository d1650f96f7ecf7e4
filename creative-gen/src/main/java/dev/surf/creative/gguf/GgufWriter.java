package dev.surf.creative.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF v3 file (little endian): header, key/value metadata, tensor infos, then F32 tensor
 * data aligned to {@link #ALIGNMENT}. Only the value types a llama conversion needs are supported.
 */
public final class GgufWriter {
    static final int ALIGNMENT = 32;
    private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    private static final int VERSION = 3;
    private static final int T_UINT32 = 4;
    private static final int T_INT32 = 5;
    private static final int T_FLOAT32 = 6;
    private static final int T_BOOL = 7;
    private static final int T_STRING = 8;
    private static final int T_ARRAY = 9;
    private static final int GGML_TYPE_F32 = 0;

    /** One F32 tensor: GGUF dimension order (innermost first) and its values, row-major. */
    public record Tensor(String name, long[] dims, float[] data) {
        public Tensor {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException(name + ": dims hold " + n + " values, data has " + data.length);
            }
        }
    }

    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    public GgufWriter put(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    public GgufWriter add(Tensor tensor) {
        tensors.add(tensor);
        return this;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            Sink s = new Sink(out);
            s.u32(MAGIC);
            s.u32(VERSION);
            s.u64(tensors.size());
            s.u64(metadata.size() + 1);
            s.string("general.alignment");
            s.u32(T_UINT32);
            s.u32(ALIGNMENT);
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                s.string(e.getKey());
                value(s, e.getValue());
            }
            long offset = 0;
            for (Tensor t : tensors) {
                s.string(t.name());
                s.u32(t.dims().length);
                for (long d : t.dims()) {
                    s.u64(d);
                }
                s.u32(GGML_TYPE_F32);
                s.u64(offset);
                offset = align(offset + 4L * t.data().length);
            }
            s.pad();
            for (Tensor t : tensors) {
                s.floats(t.data());
                s.pad();
            }
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static void value(Sink s, Object v) throws IOException {
        switch (v) {
            case String str -> {
                s.u32(T_STRING);
                s.string(str);
            }
            case Integer i -> {
                s.u32(T_UINT32);
                s.u32(i);
            }
            case Float f -> {
                s.u32(T_FLOAT32);
                s.f32(f);
            }
            case Boolean b -> {
                s.u32(T_BOOL);
                s.u8(b ? 1 : 0);
            }
            case String[] arr -> {
                s.u32(T_ARRAY);
                s.u32(T_STRING);
                s.u64(arr.length);
                for (String str : arr) {
                    s.string(str);
                }
            }
            case float[] arr -> {
                s.u32(T_ARRAY);
                s.u32(T_FLOAT32);
                s.u64(arr.length);
                for (float f : arr) {
                    s.f32(f);
                }
            }
            case int[] arr -> {
                s.u32(T_ARRAY);
                s.u32(T_INT32);
                s.u64(arr.length);
                for (int i : arr) {
                    s.u32(i);
                }
            }
            default -> throw new IllegalArgumentException("unsupported GGUF value type " + v.getClass());
        }
    }

    /** Little-endian output that tracks its position for alignment padding. */
    private static final class Sink {
        private final OutputStream out;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long position;

        Sink(OutputStream out) {
            this.out = out;
        }

        void u8(int v) throws IOException {
            out.write(v);
            position++;
        }

        void u32(int v) throws IOException {
            buf.clear();
            buf.putInt(v);
            flush();
        }

        void u64(long v) throws IOException {
            buf.clear();
            buf.putLong(v);
            flush();
        }

        void f32(float v) throws IOException {
            buf.clear();
            buf.putFloat(v);
            flush();
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            out.write(b);
            position += b.length;
        }

        void floats(float[] data) throws IOException {
            int i = 0;
            while (i < data.length) {
                buf.clear();
                while (i < data.length && buf.remaining() >= 4) {
                    buf.putFloat(data[i++]);
                }
                flush();
            }
        }

        void pad() throws IOException {
            while (position % ALIGNMENT != 0) {
                u8(0);
            }
        }

        private void flush() throws IOException {
            buf.flip();
            int n = buf.remaining();
            out.write(buf.array(), 0, n);
            position += n;
        }
    }
}
