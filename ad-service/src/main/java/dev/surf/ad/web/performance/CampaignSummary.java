package dev.surf.ad.web.performance;

import java.util.List;

/** Lifetime delivery per campaign, for the portal's campaigns list. */
public record CampaignSummary(List<Row> items) {
    public record Row(long campaignId, long impressions, long clicks, long conversions, long spendMicros,
            long conversionValueMicros) {
    }
}
