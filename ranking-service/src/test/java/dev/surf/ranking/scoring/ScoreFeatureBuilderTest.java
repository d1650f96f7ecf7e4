package dev.surf.ranking.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.Counters;
import dev.surf.ranking.model.DenseFeatures;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The serving encoder's cached fast path equals the trainer's reference encoding, row by row. */
class ScoreFeatureBuilderTest {
    private final RowBufferPool buffers = new RowBufferPool(64, 2);
    private final ScoreFeatureBuilder builder = new ScoreFeatureBuilder(FeatureLookup.NONE, new Priors(0.01, 0.05, 100), buffers);

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

    @Test
    void aReusedBufferHoldsOnlyTheNextRequestsRows() {
        EncodedRows big = builder.build(RankerChannel.request("u-9", 50));
        buffers.give(big);
        ScoreRequest small = RankerChannel.request("u-10", 3).toBuilder()
                .setContext(ScoreContext.newBuilder().setPlacement("footer").setDevice("tv").setHourOfDay(23)).build();
        EncodedRows reused = builder.build(small);
        assertSame(big, reused, "the pool handed the same buffer out again");
        assertEquals(3, reused.rows());
        assertThrows(IndexOutOfBoundsException.class, () -> reused.sparseRow(3));
        buffers.give(reused);
        assertRowsEqualReference(small);
    }

    @Test
    void denseFeaturesFollowTheCountersEvenWhenTheyAreTheSameValuesAgain() {
        Map<Long, Counters> creatives = new ConcurrentHashMap<>();
        FeatureLookup lookup = new FeatureLookup() {
            @Override
            public Counters user(String userId) {
                return new Counters(12, 3, 0);
            }

            @Override
            public long userCategoryClicks(String userId, String category) {
                return category.length();
            }

            @Override
            public Counters creative(long creativeId) {
                return creatives.computeIfAbsent(creativeId, id -> new Counters(id * 10, id % 7, 0));
            }

            @Override
            public Counters campaign(long campaignId) {
                return new Counters(0, campaignId, campaignId % 3);
            }
        };
        Priors priors = new Priors(0.01, 0.05, 100);
        ScoreFeatureBuilder cached = new ScoreFeatureBuilder(lookup, priors, new RowBufferPool(64, 2));
        ScoreRequest req = RankerChannel.request("u-2", 30);
        assertDenseEqualsReference(cached, lookup, priors, req);
        creatives.replaceAll((id, c) -> new Counters(c.impressions() + 1000, c.clicks() + 50, 0)); // fresher counts
        assertDenseEqualsReference(cached, lookup, priors, req);
    }

    private static void assertDenseEqualsReference(ScoreFeatureBuilder builder, FeatureLookup lookup, Priors priors, ScoreRequest req) {
        EncodedRows rows = builder.build(req);
        int d = ModelContract.DENSE_FEATURES;
        for (int i = 0; i < req.getCandidatesCount(); i++) {
            Candidate c = req.getCandidates(i);
            float[] expected = new float[d];
            DenseFeatures.fill(expected, 0, lookup.creative(c.getCreativeId()), lookup.campaign(c.getCampaignId()),
                    lookup.user("u-2"), lookup.userCategoryClicks("u-2", c.getCategories(0)), priors);
            assertArrayEquals(expected, rows.denseRow(i), "row " + i);
        }
    }

    private void assertRowsEqualReference(ScoreRequest req) {
        EncodedRows rows = builder.build(req);
        assertEquals(req.getCandidatesCount(), rows.rows());
        for (int i = 0; i < req.getCandidatesCount(); i++) {
            long[] expected = new long[ModelContract.SPARSE_SLOTS];
            ScoreFeatureBuilder.raw(req, i).encode(expected, 0);
            long[] actual = rows.sparseRow(i);
            assertArrayEquals(expected, actual, "row " + i);
        }
        buffers.give(rows); // the next request reuses it, as in the service
    }
}
