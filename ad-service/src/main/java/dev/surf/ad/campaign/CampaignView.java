package dev.surf.ad.campaign;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Campaign")
public record CampaignView(
        @Schema(example = "42") long id, long advertiserId, String name, Objective objective, CampaignStatus status,
        long dailyBudgetMicros, Long lifetimeBudgetMicros, BidStrategy bidStrategy, long bidAmountMicros,
        Instant startAt, Instant endAt, String timeZone, Instant createdAt, Instant updatedAt,
        @Schema(description = "Row version; also the ETag. Send it as If-Match (or in a PATCH body).", example = "0")
        long version) {
    static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.advertiserId, c.name, c.objective, c.status, c.dailyBudgetMicros,
                c.lifetimeBudgetMicros, c.bidStrategy, c.bidAmountMicros, c.startAt, c.endAt, c.timeZone,
                c.createdAt, c.updatedAt, c.version);
    }
}
