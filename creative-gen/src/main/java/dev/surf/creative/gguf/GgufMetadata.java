package dev.surf.creative.gguf;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads the key/value metadata of a GGUF file (strings and numbers; arrays are skipped). */
public final class GgufMetadata {
    private GgufMetadata() {
    }

    public static Map<String, Object> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream d = new DataInputStream(in);
            if (u32(d) != 0x46554747) {
                throw new IOException(file + " is not a GGUF file");
            }
            int version = u32(d);
            if (version < 2) {
                throw new IOException("GGUF version " + version + " is not supported");
            }
            u64(d); // tensor count
            long kvCount = u64(d);
            Map<String, Object> out = new HashMap<>();
            for (long i = 0; i < kvCount; i++) {
                String key = string(d);
                int type = u32(d);
                out.put(key, value(d, type));
            }
            return out;
        }
    }

    private static Object value(DataInputStream d, int type) throws IOException {
        return switch (type) {
            case 0, 1 -> d.readByte();
            case 2, 3 -> Short.reverseBytes(d.readShort());
            case 4, 5 -> u32(d);
            case 6 -> Float.intBitsToFloat(u32(d));
            case 7 -> d.readByte() != 0;
            case 8 -> string(d);
            case 10, 11 -> u64(d);
            case 12 -> Double.longBitsToDouble(u64(d));
            case 9 -> {
                int elem = u32(d);
                long n = u64(d);
                for (long i = 0; i < n; i++) {
                    value(d, elem);
                }
                yield "[array of " + n + "]";
            }
            default -> throw new IOException("unknown GGUF value type " + type);
        };
    }

    private static int u32(DataInputStream d) throws IOException {
        return Integer.reverseBytes(d.readInt());
    }

    private static long u64(DataInputStream d) throws IOException {
        return Long.reverseBytes(d.readLong());
    }

    private static String string(DataInputStream d) throws IOException {
        long n = u64(d);
        if (n > Integer.MAX_VALUE) {
            throw new IOException("GGUF string too long");
        }
        return new String(d.readNBytes((int) n), StandardCharsets.UTF_8);
    }
}
