package dev.surf.ranking.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The serving encoder's cached fast path equals the trainer's reference encoding, row by row. */
class ScoreFeatureBuilderTest {
    private final ScoreFeatureBuilder builder = new ScoreFeatureBuilder(FeatureLookup.NONE, new Priors(0.01, 0.05, 100));

    @Test
    void servingRowsEqualTheReferenceEncoding() {
        ScoreRequest req = RankerChannel.request("u-ß-ü-日本-😀", 40).toBuilder()
                .addCandidates(Candidate.newBuilder().setCampaignId(5).setCreativeId(6)) // no category
                .build();
        assertRowsEqualReference(req);
    }

    @Test
    void cachedCandidateIdsFollowTheRequestContextAndTheCandidate() {
        ScoreRequest first = RankerChannel.request("u-1", 20);
        assertRowsEqualReference(first);
        // same creatives, another placement and device: the crosses must change with them
        ScoreRequest otherContext = first.toBuilder()
                .setContext(ScoreContext.newBuilder().setPlacement("sidebar-ü").setDevice("desktop").setHourOfDay(3)).build();
        assertRowsEqualReference(otherContext);
        // a creative id seen before, now reported under another campaign / ad set: not served from the cache
        ScoreRequest.Builder moved = first.toBuilder();
        for (int i = 0; i < moved.getCandidatesCount(); i++) {
            moved.setCandidates(i, moved.getCandidates(i).toBuilder().setCampaignId(900 + i).setAdSetId(77));
        }
        assertRowsEqualReference(moved.build());
        assertRowsEqualReference(first);
    }

    private void assertRowsEqualReference(ScoreRequest req) {
        EncodedRows rows = builder.build(req);
        for (int i = 0; i < req.getCandidatesCount(); i++) {
            long[] expected = new long[ModelContract.SPARSE_SLOTS];
            ScoreFeatureBuilder.raw(req, i).encode(expected, 0);
            long[] actual = Arrays.copyOfRange(rows.sparse(), i * ModelContract.SPARSE_SLOTS, (i + 1) * ModelContract.SPARSE_SLOTS);
            assertArrayEquals(expected, actual, "row " + i);
        }
    }
}
