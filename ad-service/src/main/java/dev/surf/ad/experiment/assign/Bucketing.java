package dev.surf.ad.experiment.assign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Deterministic bucketing: SHA-256 of (salt, user id), first 8 bytes as an unsigned 64-bit number,
 * modulo 10,000. The same on every JVM, replica and restart (unlike String.hashCode, which is not
 * specified to be stable across versions and mixes poorly), and salts make experiments independent.
 */
public final class Bucketing {
    public static final int BUCKETS = 10_000;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    });

    private Bucketing() {
    }

    /** The 64 bits the bucket is derived from; exposed for tests of the hash itself. */
    public static long hash64(String salt, String userId) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(salt.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0); // separator: ("ab", "c") and ("a", "bc") must differ
        byte[] d = md.digest(userId.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }

    /** Bucket in [0, 10,000). */
    public static int bucket(String salt, String userId) {
        return (int) Long.remainderUnsigned(hash64(salt, userId), BUCKETS);
    }

    /**
     * The lowest start of a free run of {@code width} buckets given the taken [start, end) slices
     * (sorted by start), or -1 if none is free.
     */
    public static int firstFreeSlice(List<int[]> taken, int width) {
        int cursor = 0;
        for (int[] s : taken) {
            if (s[0] - cursor >= width) {
                return cursor;
            }
            cursor = Math.max(cursor, s[1]);
        }
        return BUCKETS - cursor >= width ? cursor : -1;
    }
}
