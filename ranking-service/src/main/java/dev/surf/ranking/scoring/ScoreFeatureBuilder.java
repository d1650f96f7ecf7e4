package dev.surf.ranking.scoring;

import dev.surf.ranking.features.FeatureLookup;
import dev.surf.ranking.model.Counters;
import dev.surf.ranking.model.DenseFeatures;
import dev.surf.ranking.model.FeatureHasher;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.model.RawFeatures;
import dev.surf.ranking.model.SparseSlot;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a validated Score request into model rows, producing exactly what {@link RawFeatures#encode}
 * gives for each candidate (tested) but hashing request-level and per-category slots once per request,
 * and the candidate's own ids once per creative: a creative's campaign, advertiser and ad set repeat
 * across requests, so their hashes (and the hash state of the crosses up to the per-request value)
 * are kept in a bounded map.
 */
public final class ScoreFeatureBuilder {
    private static final int F = ModelContract.SPARSE_SLOTS;
    private static final int D = ModelContract.DENSE_FEATURES;
    // Slot offsets as compile-time constants: the JIT does not fold an enum constant's ordinal() (a field load per use).
    private static final int COUNTRY = SparseSlot.COUNTRY.ordinal();
    private static final int DEVICE = SparseSlot.DEVICE.ordinal();
    private static final int PLACEMENT = SparseSlot.PLACEMENT.ordinal();
    private static final int HOUR = SparseSlot.HOUR.ordinal();
    private static final int CAMPAIGN = SparseSlot.CAMPAIGN.ordinal();
    private static final int CREATIVE = SparseSlot.CREATIVE.ordinal();
    private static final int ADVERTISER = SparseSlot.ADVERTISER.ordinal();
    private static final int AD_SET = SparseSlot.AD_SET.ordinal();
    private static final int CATEGORY = SparseSlot.CATEGORY.ordinal();
    private static final int CAMPAIGN_X_PLACEMENT = SparseSlot.CAMPAIGN_X_PLACEMENT.ordinal();
    private static final int CREATIVE_X_DEVICE = SparseSlot.CREATIVE_X_DEVICE.ordinal();
    private static final int CATEGORY_X_COUNTRY = SparseSlot.CATEGORY_X_COUNTRY.ordinal();
    private static final int AGE_BUCKET = SparseSlot.AGE_BUCKET.ordinal();
    private static final int GENDER = SparseSlot.GENDER.ordinal();
    private static final int INTEREST_MATCH = SparseSlot.INTEREST_MATCH.ordinal();
    private static final int KEYWORD_X_CATEGORY = SparseSlot.KEYWORD_X_CATEGORY.ordinal();
    private static final long MATCH_YES = FeatureHasher.id(SparseSlot.INTEREST_MATCH, "1");
    private static final long MATCH_NO = FeatureHasher.id(SparseSlot.INTEREST_MATCH, "0");
    private static final long MATCH_UNKNOWN = FeatureHasher.id(SparseSlot.INTEREST_MATCH, "");
    /** About 200 bytes each; when full the map starts over (creatives in flight are far fewer). */
    private static final int MAX_CACHED_CANDIDATES = 100_000;
    /** Placements and devices are few; a flood of distinct ones only costs recomputed crosses. */
    private static final int MAX_CANONICAL_VALUES = 10_000;

    private final FeatureLookup lookup;
    private final Priors priors;
    private final RowBufferPool buffers;
    private final ConcurrentHashMap<Long, CandidateIds> candidateIds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> canonicalValues = new ConcurrentHashMap<>();

    public ScoreFeatureBuilder(FeatureLookup lookup, Priors priors, RowBufferPool buffers) {
        this.lookup = lookup;
        this.priors = priors;
        this.buffers = buffers;
    }

    private record CategoryIds(long category, long categoryXCountry, long keywordXCategory, float userClicksLog) {
    }

    /**
     * The request-independent ids of one candidate, plus one memo of the per-request values it had
     * last: the crosses for the last placement and device (a creative is mostly served in the same
     * few) and the logits of the last counters (the feature store hands out the same {@link Counters}
     * instance while its cache entry lives). The memo is reused only for the very same inputs (the
     * placement and device strings are canonical instances), so results never change; it is one object,
     * so a candidate costs one memory load for all four values.
     */
    private static final class CandidateIds {
        private record Memo(String placement, String device, Counters creativeCounts, Counters campaignCounts,
                            long campaignXPlacement, long creativeXDevice, float creativeCtrLogit, float campaignCvrLogit) {
        }

        final long campaignId;
        final long advertiserId;
        final long adSetId;
        final long campaign;
        final long creative;
        final long advertiser;
        final long adSet;
        private final FeatureHasher.CrossPrefix campaignX;
        private final FeatureHasher.CrossPrefix creativeX;
        private volatile Memo memo = new Memo(null, null, null, null, 0, 0, 0, 0);

        CandidateIds(Candidate c) {
            String campaignText = Long.toString(c.getCampaignId());
            String creativeText = Long.toString(c.getCreativeId());
            campaignId = c.getCampaignId();
            advertiserId = c.getAdvertiserId();
            adSetId = c.getAdSetId();
            campaign = FeatureHasher.id(SparseSlot.CAMPAIGN, campaignText);
            creative = FeatureHasher.id(SparseSlot.CREATIVE, creativeText);
            advertiser = FeatureHasher.id(SparseSlot.ADVERTISER, Long.toString(advertiserId));
            adSet = FeatureHasher.id(SparseSlot.AD_SET, Long.toString(adSetId));
            campaignX = FeatureHasher.crossPrefix(SparseSlot.CAMPAIGN_X_PLACEMENT, campaignText);
            creativeX = FeatureHasher.crossPrefix(SparseSlot.CREATIVE_X_DEVICE, creativeText);
        }

        boolean sameAs(Candidate c) {
            return campaignId == c.getCampaignId() && advertiserId == c.getAdvertiserId() && adSetId == c.getAdSetId();
        }

        Memo memo(String placement, String device, Counters creativeCounts, Counters campaignCounts, Priors priors) {
            Memo m = memo;
            if (m.placement() != placement || m.device() != device || m.creativeCounts() != creativeCounts
                    || m.campaignCounts() != campaignCounts) {
                memo = m = new Memo(placement, device, creativeCounts, campaignCounts,
                        m.placement() == placement ? m.campaignXPlacement() : campaignX.with(placement),
                        m.device() == device ? m.creativeXDevice() : creativeX.with(device),
                        m.creativeCounts() == creativeCounts ? m.creativeCtrLogit() : DenseFeatures.creativeCtrLogit(creativeCounts, priors),
                        m.campaignCounts() == campaignCounts ? m.campaignCvrLogit() : DenseFeatures.campaignCvrLogit(campaignCounts, priors));
            }
            return m;
        }
    }

    /** The request's rows, in a buffer from the pool that the caller hands back (the batcher does, after the run). */
    public EncodedRows build(ScoreRequest request) {
        int n = request.getCandidatesCount();
        EncodedRows rows = buffers.take(n);
        try {
            fill(request, rows.sparse(), rows.dense());
        } catch (RuntimeException e) {
            buffers.give(rows);
            throw e;
        }
        return rows;
    }

    private void fill(ScoreRequest request, long[] sparse, float[] dense) {
        int n = request.getCandidatesCount();
        var user = request.getUser();
        var ctx = request.getContext();
        String country = user.getCountry();
        String device = canonical(ctx.getDevice());
        String placement = canonical(ctx.getPlacement());
        String keyword = ctx.getKeywordsCount() == 0 ? "" : ctx.getKeywords(0);
        long country0 = FeatureHasher.id(SparseSlot.COUNTRY, country);
        long device0 = FeatureHasher.id(SparseSlot.DEVICE, device);
        long placement0 = FeatureHasher.id(SparseSlot.PLACEMENT, placement);
        long hour0 = FeatureHasher.id(SparseSlot.HOUR, ctx.getHourOfDay() < 0 ? "" : Integer.toString(ctx.getHourOfDay()));
        long age0 = FeatureHasher.id(SparseSlot.AGE_BUCKET, RawFeatures.ageBucket(user.getAge()));
        long gender0 = FeatureHasher.id(SparseSlot.GENDER, user.getGender());
        Set<String> interests = user.getInterestsCount() == 0 ? Set.of() : new HashSet<>(user.getInterestsList());
        Counters userCounts = lookup.user(user.getUserId());
        float userImpressionsLog = DenseFeatures.logCount(userCounts.impressions());
        float userClicksLog = DenseFeatures.logCount(userCounts.clicks());
        Map<String, CategoryIds> categories = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Candidate c = request.getCandidates(i);
            List<String> cats = c.getCategoriesList();
            String category = cats.isEmpty() ? "" : cats.getFirst();
            CategoryIds cat = categories.get(category);
            if (cat == null) {
                cat = new CategoryIds(FeatureHasher.id(SparseSlot.CATEGORY, category),
                        FeatureHasher.cross(SparseSlot.CATEGORY_X_COUNTRY, category, country),
                        FeatureHasher.cross(SparseSlot.KEYWORD_X_CATEGORY, keyword, category),
                        DenseFeatures.logCount(lookup.userCategoryClicks(user.getUserId(), category)));
                categories.put(category, cat);
            }
            CandidateIds ids = candidateIds(c);
            CandidateIds.Memo memo = ids.memo(placement, device, lookup.creative(c.getCreativeId()), lookup.campaign(c.getCampaignId()),
                    priors);
            int o = i * F;
            sparse[o + COUNTRY] = country0;
            sparse[o + DEVICE] = device0;
            sparse[o + PLACEMENT] = placement0;
            sparse[o + HOUR] = hour0;
            sparse[o + CAMPAIGN] = ids.campaign;
            sparse[o + CREATIVE] = ids.creative;
            sparse[o + ADVERTISER] = ids.advertiser;
            sparse[o + AD_SET] = ids.adSet;
            sparse[o + CATEGORY] = cat.category();
            sparse[o + CAMPAIGN_X_PLACEMENT] = memo.campaignXPlacement();
            sparse[o + CREATIVE_X_DEVICE] = memo.creativeXDevice();
            sparse[o + CATEGORY_X_COUNTRY] = cat.categoryXCountry();
            sparse[o + AGE_BUCKET] = age0;
            sparse[o + GENDER] = gender0;
            sparse[o + INTEREST_MATCH] = interests.isEmpty() ? MATCH_UNKNOWN : matches(cats, interests) ? MATCH_YES : MATCH_NO;
            sparse[o + KEYWORD_X_CATEGORY] = cat.keywordXCategory();
            DenseFeatures.fill(dense, i * D, memo.creativeCtrLogit(), memo.campaignCvrLogit(), userImpressionsLog, userClicksLog,
                    cat.userClicksLog());
        }
    }

    private CandidateIds candidateIds(Candidate c) {
        CandidateIds ids = candidateIds.get(c.getCreativeId());
        if (ids == null || !ids.sameAs(c)) {
            ids = new CandidateIds(c);
            if (candidateIds.size() >= MAX_CACHED_CANDIDATES) {
                candidateIds.clear();
            }
            candidateIds.put(c.getCreativeId(), ids);
        }
        return ids;
    }

    /** One instance per distinct value, so the per-candidate memos can compare by identity. */
    private String canonical(String value) {
        String known = canonicalValues.putIfAbsent(value, value);
        if (known == null && canonicalValues.size() > MAX_CANONICAL_VALUES) {
            canonicalValues.clear(); // crude bound; memos then recompute once
        }
        return known != null ? known : value;
    }

    private static boolean matches(List<String> categories, Set<String> interests) {
        for (String c : categories) {
            if (interests.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** The reference encoding of candidate {@code i} (what the trainer's encoder gives); for tests. */
    static RawFeatures raw(ScoreRequest request, int i) {
        var user = request.getUser();
        var ctx = request.getContext();
        Candidate c = request.getCandidates(i);
        String category = c.getCategoriesCount() == 0 ? "" : c.getCategories(0);
        Set<String> interests = new HashSet<>(user.getInterestsList());
        String match = interests.isEmpty() ? "" : (matches(c.getCategoriesList(), interests) ? "1" : "0");
        return new RawFeatures(user.getCountry(), ctx.getDevice(), ctx.getPlacement(),
                ctx.getHourOfDay() < 0 ? "" : Integer.toString(ctx.getHourOfDay()), c.getCampaignId(), c.getCreativeId(),
                c.getAdvertiserId(), c.getAdSetId(), category, RawFeatures.ageBucket(user.getAge()), user.getGender(), match,
                ctx.getKeywordsCount() == 0 ? "" : ctx.getKeywords(0));
    }
}
