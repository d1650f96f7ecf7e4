package dev.surf.ranking.model;

/** The dense columns of {@link ModelContract#INPUT_DENSE}, in order; all finite float32. */
public enum DenseSlot {
    /** logit of the creative's smoothed CTR (the global prior CTR when it has no history). */
    CREATIVE_CTR_LOGIT,
    /** logit of the campaign's smoothed CVR per click (the global prior CVR when it has no history). */
    CAMPAIGN_CVR_LOGIT,
    /** ln(1 + the user's impressions in the feature window). */
    USER_IMPRESSIONS_LOG,
    /** ln(1 + the user's clicks in the feature window). */
    USER_CLICKS_LOG,
    /** ln(1 + the user's clicks on ads of the candidate's category in the feature window). */
    USER_CATEGORY_CLICKS_LOG
}
