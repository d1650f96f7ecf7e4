package dev.surf.ranking.scoring;

import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.Counters;
import dev.surf.ranking.model.DenseFeatures;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.model.RawFeatures;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreRequest;
import java.util.HashSet;
import java.util.Set;

/** Turns a validated Score request into model rows: the same {@link RawFeatures} encoding the trainer uses. */
public final class ScoreFeatureBuilder {
    private final FeatureLookup lookup;
    private final Priors priors;

    public ScoreFeatureBuilder(FeatureLookup lookup, Priors priors) {
        this.lookup = lookup;
        this.priors = priors;
    }

    public EncodedRows build(ScoreRequest request) {
        int n = request.getCandidatesCount();
        long[] sparse = new long[n * ModelContract.SPARSE_SLOTS];
        float[] dense = new float[n * ModelContract.DENSE_FEATURES];
        var user = request.getUser();
        var ctx = request.getContext();
        String hour = ctx.getHourOfDay() < 0 ? "" : Integer.toString(ctx.getHourOfDay());
        String keyword = ctx.getKeywordsCount() == 0 ? "" : ctx.getKeywords(0);
        Set<String> interests = new HashSet<>(user.getInterestsList());
        String ageBucket = RawFeatures.ageBucket(user.getAge());
        Counters userCounts = lookup.user(user.getUserId());
        for (int i = 0; i < n; i++) {
            Candidate c = request.getCandidates(i);
            String category = c.getCategoriesCount() == 0 ? "" : c.getCategories(0);
            String match = interests.isEmpty() ? "" : (c.getCategoriesList().stream().anyMatch(interests::contains) ? "1" : "0");
            new RawFeatures(user.getCountry(), ctx.getDevice(), ctx.getPlacement(), hour, c.getCampaignId(), c.getCreativeId(),
                    c.getAdvertiserId(), c.getAdSetId(), category, ageBucket, user.getGender(), match, keyword)
                    .encode(sparse, i * ModelContract.SPARSE_SLOTS);
            DenseFeatures.fill(dense, i * ModelContract.DENSE_FEATURES, lookup.creative(c.getCreativeId()),
                    lookup.campaign(c.getCampaignId()), userCounts, lookup.userCategoryClicks(user.getUserId(), category), priors);
        }
        return new EncodedRows(sparse, dense, n);
    }
}
