package dev.surf.ranking.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.Counters;
import dev.surf.ranking.model.DenseFeatures;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        ScoreFeatureBuilder cached = new ScoreFeatureBuilder(lookup, priors);
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
            assertArrayEquals(expected, Arrays.copyOfRange(rows.dense(), i * d, (i + 1) * d), "row " + i);
        }
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
