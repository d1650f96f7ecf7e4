package dev.surf.ranking.model;

/** Fills the {@link DenseSlot} columns from behaviour counts; shared by the scorer and the trainer. */
public final class DenseFeatures {
    // Compile-time constants: the JIT does not fold an enum constant's ordinal() (a field load per use).
    private static final int CREATIVE_CTR_LOGIT = DenseSlot.CREATIVE_CTR_LOGIT.ordinal();
    private static final int CAMPAIGN_CVR_LOGIT = DenseSlot.CAMPAIGN_CVR_LOGIT.ordinal();
    private static final int USER_IMPRESSIONS_LOG = DenseSlot.USER_IMPRESSIONS_LOG.ordinal();
    private static final int USER_CLICKS_LOG = DenseSlot.USER_CLICKS_LOG.ordinal();
    private static final int USER_CATEGORY_CLICKS_LOG = DenseSlot.USER_CATEGORY_CLICKS_LOG.ordinal();

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
        out[offset + CREATIVE_CTR_LOGIT] = creativeCtrLogit;
        out[offset + CAMPAIGN_CVR_LOGIT] = campaignCvrLogit;
        out[offset + USER_IMPRESSIONS_LOG] = userImpressionsLog;
        out[offset + USER_CLICKS_LOG] = userClicksLog;
        out[offset + USER_CATEGORY_CLICKS_LOG] = userCategoryClicksLog;
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
