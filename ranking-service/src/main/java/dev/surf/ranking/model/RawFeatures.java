package dev.surf.ranking.model;

/**
 * The raw values behind one row's sparse slots, the same whether they come from a Score request
 * (serving) or from a logged impression (training): one encoder for both avoids training/serving skew.
 * Unknown values are empty strings.
 */
public record RawFeatures(String country, String device, String placement, String hour,
                          long campaignId, long creativeId, long advertiserId, long adSetId,
                          String category, String ageBucket, String gender, String interestMatch, String keyword) {

    /** Writes the {@link ModelContract#SPARSE_SLOTS} hashed ids of this row at {@code out[offset..]}. */
    public void encode(long[] out, int offset) {
        String campaign = Long.toString(campaignId);
        String creative = Long.toString(creativeId);
        out[offset + SparseSlot.COUNTRY.ordinal()] = FeatureHasher.id(SparseSlot.COUNTRY, country);
        out[offset + SparseSlot.DEVICE.ordinal()] = FeatureHasher.id(SparseSlot.DEVICE, device);
        out[offset + SparseSlot.PLACEMENT.ordinal()] = FeatureHasher.id(SparseSlot.PLACEMENT, placement);
        out[offset + SparseSlot.HOUR.ordinal()] = FeatureHasher.id(SparseSlot.HOUR, hour);
        out[offset + SparseSlot.CAMPAIGN.ordinal()] = FeatureHasher.id(SparseSlot.CAMPAIGN, campaign);
        out[offset + SparseSlot.CREATIVE.ordinal()] = FeatureHasher.id(SparseSlot.CREATIVE, creative);
        out[offset + SparseSlot.ADVERTISER.ordinal()] = FeatureHasher.id(SparseSlot.ADVERTISER, Long.toString(advertiserId));
        out[offset + SparseSlot.AD_SET.ordinal()] = FeatureHasher.id(SparseSlot.AD_SET, Long.toString(adSetId));
        out[offset + SparseSlot.CATEGORY.ordinal()] = FeatureHasher.id(SparseSlot.CATEGORY, category);
        out[offset + SparseSlot.CAMPAIGN_X_PLACEMENT.ordinal()] = FeatureHasher.cross(SparseSlot.CAMPAIGN_X_PLACEMENT, campaign, placement);
        out[offset + SparseSlot.CREATIVE_X_DEVICE.ordinal()] = FeatureHasher.cross(SparseSlot.CREATIVE_X_DEVICE, creative, device);
        out[offset + SparseSlot.CATEGORY_X_COUNTRY.ordinal()] = FeatureHasher.cross(SparseSlot.CATEGORY_X_COUNTRY, category, country);
        out[offset + SparseSlot.AGE_BUCKET.ordinal()] = FeatureHasher.id(SparseSlot.AGE_BUCKET, ageBucket);
        out[offset + SparseSlot.GENDER.ordinal()] = FeatureHasher.id(SparseSlot.GENDER, gender);
        out[offset + SparseSlot.INTEREST_MATCH.ordinal()] = FeatureHasher.id(SparseSlot.INTEREST_MATCH, interestMatch);
        out[offset + SparseSlot.KEYWORD_X_CATEGORY.ordinal()] = FeatureHasher.cross(SparseSlot.KEYWORD_X_CATEGORY, keyword, category);
    }

    /** Age in years to a coarse bucket; 0 or less is unknown. */
    public static String ageBucket(int age) {
        if (age <= 0) {
            return "";
        }
        if (age < 18) {
            return "u18";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age < 35) {
            return "25-34";
        }
        if (age < 45) {
            return "35-44";
        }
        if (age < 55) {
            return "45-54";
        }
        return "55+";
    }
}
