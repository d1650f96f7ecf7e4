package dev.surf.ranking.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming and prefix-resuming hashes equal murmur3 over the whole UTF-8 string. */
class FeatureHasherTest {
    private static final String[] VALUES = {"", "a", "ab", "abc", "abcd", "abcde", "DE", "ß", "日本語", "😀x", "\uD800broken"};

    @Test
    void streamingHashEqualsHashingTheUtf8Bytes() {
        for (String v : VALUES) {
            assertEquals(reference("country=" + v), FeatureHasher.id(SparseSlot.COUNTRY, v), v);
            assertEquals(reference("country=" + v), FeatureHasher.id("country", v), v);
        }
    }

    @Test
    void resumingFromACrossPrefixEqualsHashingTheWholeCross() {
        for (String a : VALUES) {
            FeatureHasher.CrossPrefix prefix = FeatureHasher.crossPrefix(SparseSlot.CAMPAIGN_X_PLACEMENT, a);
            for (String b : VALUES) {
                long whole = reference("campaign_x_placement=" + a + "|" + b);
                assertEquals(whole, prefix.with(b), a + "|" + b);
                assertEquals(whole, FeatureHasher.cross(SparseSlot.CAMPAIGN_X_PLACEMENT, a, b), a + "|" + b);
            }
        }
    }

    private static long reference(String s) {
        return Integer.toUnsignedLong(FeatureHasher.murmur3(s.getBytes(StandardCharsets.UTF_8), 0)) % ModelContract.HASH_BUCKETS;
    }
}
