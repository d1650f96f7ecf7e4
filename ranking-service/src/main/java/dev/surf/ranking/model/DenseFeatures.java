package dev.surf.ranking.model;

/** Fills the {@link DenseSlot} columns from behaviour counts; shared by the scorer and the trainer. */
public final class DenseFeatures {
    private DenseFeatures() {
    }

    public static void fill(float[] out, int offset, Counters creative, Counters campaign, Counters user,
                            long userCategoryClicks, Priors priors) {
        out[offset + DenseSlot.CREATIVE_CTR_LOGIT.ordinal()] =
                (float) Priors.logit(priors.smoothedCtr(creative.impressions(), creative.clicks()));
        out[offset + DenseSlot.CAMPAIGN_CVR_LOGIT.ordinal()] =
                (float) Priors.logit(priors.smoothedCvr(campaign.clicks(), campaign.conversions()));
        out[offset + DenseSlot.USER_IMPRESSIONS_LOG.ordinal()] = (float) Math.log1p(Math.max(0, user.impressions()));
        out[offset + DenseSlot.USER_CLICKS_LOG.ordinal()] = (float) Math.log1p(Math.max(0, user.clicks()));
        out[offset + DenseSlot.USER_CATEGORY_CLICKS_LOG.ordinal()] = (float) Math.log1p(Math.max(0, userCategoryClicks));
    }
}
