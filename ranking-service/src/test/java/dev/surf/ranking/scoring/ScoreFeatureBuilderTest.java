package dev.surf.ranking.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.FeatureHasher;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.model.SparseSlot;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The serving encoder's cached fast path equals the trainer's reference encoding, row by row. */
class ScoreFeatureBuilderTest {

    @Test
    void servingRowsEqualTheReferenceEncoding() {
        ScoreRequest req = RankerChannel.request("u-ß-ü-日本-😀", 40).toBuilder()
                .addCandidates(Candidate.newBuilder().setCampaignId(5).setCreativeId(6)) // no category
                .build();
        EncodedRows rows = new ScoreFeatureBuilder(FeatureLookup.NONE, new Priors(0.01, 0.05, 100)).build(req);
        for (int i = 0; i < req.getCandidatesCount(); i++) {
            long[] expected = new long[ModelContract.SPARSE_SLOTS];
            ScoreFeatureBuilder.raw(req, i).encode(expected, 0);
            long[] actual = Arrays.copyOfRange(rows.sparse(), i * ModelContract.SPARSE_SLOTS, (i + 1) * ModelContract.SPARSE_SLOTS);
            assertArrayEquals(expected, actual, "row " + i);
        }
    }

    @Test
    void streamingHashEqualsHashingTheUtf8Bytes() {
        for (String v : new String[] {"", "a", "ab", "abc", "abcd", "DE", "ß", "日本語", "😀x", "\uD800broken"}) {
            byte[] bytes = ("country=" + v).getBytes(StandardCharsets.UTF_8);
            // reference: the byte[] murmur over String.getBytes(UTF_8)
            long reference = Integer.toUnsignedLong(murmurReference(bytes)) % ModelContract.HASH_BUCKETS;
            assertEquals(reference, FeatureHasher.id(SparseSlot.COUNTRY, v), v);
            assertEquals(reference, FeatureHasher.id("country", v), v);
        }
    }

    private static int murmurReference(byte[] b) {
        try {
            var m = FeatureHasher.class.getDeclaredMethod("murmur3", byte[].class, int.class);
            m.setAccessible(true);
            return (int) m.invoke(null, b, 0);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
