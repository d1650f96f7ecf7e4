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
    private static final long MATCH_YES = FeatureHasher.id(SparseSlot.INTEREST_MATCH, "1");
    private static final long MATCH_NO = FeatureHasher.id(SparseSlot.INTEREST_MATCH, "0");
    private static final long MATCH_UNKNOWN = FeatureHasher.id(SparseSlot.INTEREST_MATCH, "");
    /** About 200 bytes each; when full the map starts over (creatives in flight are far fewer). */
    private static final int MAX_CACHED_CANDIDATES = 100_000;

    private final FeatureLookup lookup;
    private final Priors priors;
    private final ConcurrentHashMap<Long, CandidateIds> candidateIds = new ConcurrentHashMap<>();

    public ScoreFeatureBuilder(FeatureLookup lookup, Priors priors) {
        this.lookup = lookup;
        this.priors = priors;
    }

    private record CategoryIds(long category, long categoryXCountry, long keywordXCategory, float userClicksLog) {
    }

    /**
     * The request-independent ids of one candidate, plus memos of the last per-request inputs it saw: the
     * crosses for the last placement and device (a creative is mostly served in the same few), and the
     * logits of the last counters (the feature store hands out the same {@link Counters} instance while
     * its cache entry lives). A memo is used only when its input is equal, so results never change.
     */
    private static final class CandidateIds {
        private record Logit(Counters from, float logit) {
        }

        private record Crossed(String with, long id) {
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
        private volatile Crossed campaignXLast = new Crossed(null, 0);
        private volatile Crossed creativeXLast = new Crossed(null, 0);
        private volatile Logit creativeCtr = new Logit(null, 0);
        private volatile Logit campaignCvr = new Logit(null, 0);

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

        long campaignXPlacement(String placement) {
            Crossed c = campaignXLast;
            if (!placement.equals(c.with())) {
                campaignXLast = c = new Crossed(placement, campaignX.with(placement));
            }
            return c.id();
        }

        long creativeXDevice(String device) {
            Crossed c = creativeXLast;
            if (!device.equals(c.with())) {
                creativeXLast = c = new Crossed(device, creativeX.with(device));
            }
            return c.id();
        }

        float creativeCtrLogit(Counters counters, Priors priors) {
            Logit l = creativeCtr;
            if (l.from() != counters) {
                creativeCtr = l = new Logit(counters, DenseFeatures.creativeCtrLogit(counters, priors));
            }
            return l.logit();
        }

        float campaignCvrLogit(Counters counters, Priors priors) {
            Logit l = campaignCvr;
            if (l.from() != counters) {
                campaignCvr = l = new Logit(counters, DenseFeatures.campaignCvrLogit(counters, priors));
            }
            return l.logit();
        }
    }

    public EncodedRows build(ScoreRequest request) {
        int n = request.getCandidatesCount();
        long[] sparse = new long[n * F];
        float[] dense = new float[n * D];
        var user = request.getUser();
        var ctx = request.getContext();
        String country = user.getCountry();
        String device = ctx.getDevice();
        String placement = ctx.getPlacement();
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
            int o = i * F;
            sparse[o + SparseSlot.COUNTRY.ordinal()] = country0;
            sparse[o + SparseSlot.DEVICE.ordinal()] = device0;
            sparse[o + SparseSlot.PLACEMENT.ordinal()] = placement0;
            sparse[o + SparseSlot.HOUR.ordinal()] = hour0;
            sparse[o + SparseSlot.CAMPAIGN.ordinal()] = ids.campaign;
            sparse[o + SparseSlot.CREATIVE.ordinal()] = ids.creative;
            sparse[o + SparseSlot.ADVERTISER.ordinal()] = ids.advertiser;
            sparse[o + SparseSlot.AD_SET.ordinal()] = ids.adSet;
            sparse[o + SparseSlot.CATEGORY.ordinal()] = cat.category();
            sparse[o + SparseSlot.CAMPAIGN_X_PLACEMENT.ordinal()] = ids.campaignXPlacement(placement);
            sparse[o + SparseSlot.CREATIVE_X_DEVICE.ordinal()] = ids.creativeXDevice(device);
            sparse[o + SparseSlot.CATEGORY_X_COUNTRY.ordinal()] = cat.categoryXCountry();
            sparse[o + SparseSlot.AGE_BUCKET.ordinal()] = age0;
            sparse[o + SparseSlot.GENDER.ordinal()] = gender0;
            sparse[o + SparseSlot.INTEREST_MATCH.ordinal()] = interests.isEmpty() ? MATCH_UNKNOWN : matches(cats, interests) ? MATCH_YES : MATCH_NO;
            sparse[o + SparseSlot.KEYWORD_X_CATEGORY.ordinal()] = cat.keywordXCategory();
            DenseFeatures.fill(dense, i * D, ids.creativeCtrLogit(lookup.creative(c.getCreativeId()), priors),
                    ids.campaignCvrLogit(lookup.campaign(c.getCampaignId()), priors), userImpressionsLog, userClicksLog,
                    cat.userClicksLog());
        }
        return new EncodedRows(sparse, dense, n);
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
