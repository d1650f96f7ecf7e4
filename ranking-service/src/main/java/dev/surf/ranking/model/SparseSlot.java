package dev.surf.ranking.model;

/**
 * The sparse slots of {@link ModelContract#INPUT_SPARSE}, in column order. Each column holds
 * {@code FeatureHasher.id(slot.key(), value)}; an unknown value is hashed as the empty string.
 */
public enum SparseSlot {
    COUNTRY("country"),
    DEVICE("device"),
    PLACEMENT("placement"),
    HOUR("hour"),
    CAMPAIGN("campaign"),
    CREATIVE("creative"),
    ADVERTISER("advertiser"),
    AD_SET("ad_set"),
    CATEGORY("category"),
    CAMPAIGN_X_PLACEMENT("campaign_x_placement"),
    CREATIVE_X_DEVICE("creative_x_device"),
    CATEGORY_X_COUNTRY("category_x_country"),
    AGE_BUCKET("age_bucket"),
    GENDER("gender"),
    INTEREST_MATCH("interest_match"),
    KEYWORD_X_CATEGORY("keyword_x_category");

    private final String key;

    SparseSlot(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
