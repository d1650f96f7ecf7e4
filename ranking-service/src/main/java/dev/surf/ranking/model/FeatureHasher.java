package dev.surf.ranking.model;

import java.nio.charset.StandardCharsets;

/**
 * Feature hashing: id = murmur3_x86_32(utf8(slotKey + "=" + value), seed 0) as unsigned, modulo
 * {@link ModelContract#HASH_BUCKETS}. In Python: {@code mmh3.hash(f"{key}={value}", 0, signed=False) % 262144}.
 */
public final class FeatureHasher {
    private FeatureHasher() {
    }

    private static final byte[][] SLOT_PREFIX = new byte[SparseSlot.values().length][];

    static {
        for (SparseSlot s : SparseSlot.values()) {
            SLOT_PREFIX[s.ordinal()] = (s.key() + "=").getBytes(StandardCharsets.UTF_8);
        }
    }

    public static long id(SparseSlot slot, String value) {
        return bucket(SLOT_PREFIX[slot.ordinal()], value, null);
    }

    /** The id of a crossed value {@code a + "|" + b} without building the string. */
    public static long cross(SparseSlot slot, String a, String b) {
        return bucket(SLOT_PREFIX[slot.ordinal()], a, b == null ? "" : b);
    }

    public static long id(String key, String value) {
        return bucket((key + "=").getBytes(StandardCharsets.UTF_8), value, null);
    }

    /**
     * The hash state after {@code key + "=" + a + "|"}: {@link CrossPrefix#with} finishes it with a second
     * value, giving exactly {@link #cross(SparseSlot, String, String)} without hashing {@code a} again.
     * The scorer keeps one per candidate, because {@code a} (a campaign or creative id) repeats across
     * requests while {@code b} (placement, device) is per request.
     */
    public static CrossPrefix crossPrefix(SparseSlot slot, String a) {
        Murmur m = new Murmur();
        m.addAll(SLOT_PREFIX[slot.ordinal()]);
        m.addUtf8(a);
        m.add((byte) '|');
        return new CrossPrefix(m);
    }

    /** An immutable murmur state; see {@link #crossPrefix}. */
    public static final class CrossPrefix {
        private final Murmur state;

        private CrossPrefix(Murmur state) {
            this.state = state;
        }

        public long with(String b) {
            Murmur m = state.copy();
            m.addUtf8(b == null ? "" : b);
            return Integer.toUnsignedLong(m.finish()) % ModelContract.HASH_BUCKETS;
        }
    }

    private static long bucket(byte[] prefix, String a, String b) {
        Murmur m = new Murmur();
        m.addAll(prefix);
        m.addUtf8(a == null ? "" : a);
        if (b != null) {
            m.add((byte) '|');
            m.addUtf8(b);
        }
        return Integer.toUnsignedLong(m.finish()) % ModelContract.HASH_BUCKETS;
    }

    /** murmur3_x86_32 (seed 0) fed a byte at a time, so hashing needs no byte[] per value. */
    private static final class Murmur {
        private int h1;
        private int k;
        private int n;
        private int len;

        Murmur copy() {
            Murmur m = new Murmur();
            m.h1 = h1;
            m.k = k;
            m.n = n;
            m.len = len;
            return m;
        }

        void addAll(byte[] bytes) {
            for (byte b : bytes) {
                add(b);
            }
        }

        void add(byte b) {
            k |= (b & 0xff) << (8 * n);
            len++;
            if (++n == 4) {
                int k1 = k * 0xcc9e2d51;
                k1 = Integer.rotateLeft(k1, 15) * 0x1b873593;
                h1 ^= k1;
                h1 = Integer.rotateLeft(h1, 13) * 5 + 0xe6546b64;
                k = 0;
                n = 0;
            }
        }

        /** UTF-8 exactly as String.getBytes(UTF_8) (an unpaired surrogate becomes '?'). */
        void addUtf8(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    add((byte) c);
                } else if (c < 0x800) {
                    add((byte) (0xc0 | (c >> 6)));
                    add((byte) (0x80 | (c & 0x3f)));
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        add((byte) (0xf0 | (cp >> 18)));
                        add((byte) (0x80 | ((cp >> 12) & 0x3f)));
                        add((byte) (0x80 | ((cp >> 6) & 0x3f)));
                        add((byte) (0x80 | (cp & 0x3f)));
                    } else {
                        add((byte) '?');
                    }
                } else {
                    add((byte) (0xe0 | (c >> 12)));
                    add((byte) (0x80 | ((c >> 6) & 0x3f)));
                    add((byte) (0x80 | (c & 0x3f)));
                }
            }
        }

        int finish() {
            if (n > 0) {
                int k1 = k * 0xcc9e2d51;
                k1 = Integer.rotateLeft(k1, 15) * 0x1b873593;
                h1 ^= k1;
            }
            int h = h1 ^ len;
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            h ^= h >>> 16;
            return h;
        }
    }

    static int murmur3(byte[] data, int seed) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h1 = seed;
        int len = data.length;
        int blocks = len / 4;
        for (int i = 0; i < blocks; i++) {
            int o = i * 4;
            int k1 = (data[o] & 0xff) | ((data[o + 1] & 0xff) << 8) | ((data[o + 2] & 0xff) << 16) | (data[o + 3] << 24);
            k1 *= c1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 13);
            h1 = h1 * 5 + 0xe6546b64;
        }
        int k1 = 0;
        int tail = blocks * 4;
        switch (len & 3) {
            case 3:
                k1 ^= (data[tail + 2] & 0xff) << 16;
            case 2:
                k1 ^= (data[tail + 1] & 0xff) << 8;
            case 1:
                k1 ^= (data[tail] & 0xff);
                k1 *= c1;
                k1 = Integer.rotateLeft(k1, 15);
                k1 *= c2;
                h1 ^= k1;
            default:
        }
        h1 ^= len;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }
}
