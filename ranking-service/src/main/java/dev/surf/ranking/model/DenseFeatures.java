package dev.surf.ranking.model;

/** Fills the {@link DenseSlot} columns from behaviour counts; shared by the scorer and the trainer. */
public final class DenseFeatures {
    private DenseFeatures() {
    }

    public static void fill(float[] out, int offset, Counters creative, Counters campaign, Counters user,
                            long userCategoryClicks, Priors priors) {
        fill(out, offset, creativeCtrLogit(creative, priors), campaignCvrLogit(campaign, priors), logCount(user.impressions()),
                logCount(user.clicks()), logCount(userCategoryClicks));
    }

    /** One row from values computed ahead (the scorer computes the per-user ones once per request). */
    public static void fill(float[] out, int offset, float creativeCtrLogit, float campaignCvrLogit, float userImpressionsLog,
                            float userClicksLog, float userCategoryClicksLog) {
        out[offset + DenseSlot.CREATIVE_CTR_LOGIT.ordinal()] = creativeCtrLogit;
        out[offset + DenseSlot.CAMPAIGN_CVR_LOGIT.ordinal()] = campaignCvrLogit;
        out[offset + DenseSlot.USER_IMPRESSIONS_LOG.ordinal()] = userImpressionsLog;
        out[offset + DenseSlot.USER_CLICKS_LOG.ordinal()] = userClicksLog;
        out[offset + DenseSlot.USER_CATEGORY_CLICKS_LOG.ordinal()] = userCategoryClicksLog;
    }

    public static float creativeCtrLogit(Counters creative, Priors priors) {
        return (float) Priors.logit(priors.smoothedCtr(creative.impressions(), creative.clicks()));
    }

    public static float campaignCvrLogit(Counters campaign, Priors priors) {
        return (float) Priors.logit(priors.smoothedCvr(campaign.clicks(), campaign.conversions()));
    }

    public static float logCount(long count) {
        return (float) Math.log1p(Math.max(0, count));
    }
}
