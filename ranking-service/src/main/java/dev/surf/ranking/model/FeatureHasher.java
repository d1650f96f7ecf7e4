package dev.surf.ranking.model;

import java.nio.charset.StandardCharsets;

/**
 * Feature hashing: id = murmur3_x86_32(utf8(slotKey + "=" + value), seed 0) as unsigned, modulo
 * {@link ModelContract#HASH_BUCKETS}. In Python: {@code mmh3.hash(f"{key}={value}", 0, signed=False) % 262144}.
 */
public final class FeatureHasher {
    private FeatureHasher() {
    }

    public static long id(SparseSlot slot, String value) {
        return id(slot.key(), value);
    }

    public static long id(String key, String value) {
        byte[] bytes = (key + "=" + (value == null ? "" : value)).getBytes(StandardCharsets.UTF_8);
        return Integer.toUnsignedLong(murmur3(bytes, 0)) % ModelContract.HASH_BUCKETS;
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
