package dev.surf.ad.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a campaign: the body of a create, and what a PATCH merges into. */
@Schema(name = "CampaignInput", description = "Writable campaign fields. Money in micros (1 unit = 1,000,000).")
public record CampaignInput(
        @NotBlank @Size(max = 200) @Schema(example = "Spring sale - running shoes") String name,
        @NotNull @Schema(example = "CLICKS") Objective objective,
        @NotNull @Positive @Max(Limits.MAX_DAILY_BUDGET_MICROS) @Schema(example = "50000000") Long dailyBudgetMicros,
        @Positive @Max(Limits.MAX_LIFETIME_BUDGET_MICROS) @Schema(example = "1500000000",
                description = "optional; at least the daily budget") Long lifetimeBudgetMicros,
        @NotNull @Schema(example = "CPC") BidStrategy bidStrategy,
        @NotNull @Positive @Max(Limits.MAX_BID_MICROS) @Schema(example = "750000") Long bidAmountMicros,
        @Schema(example = "2026-03-01T00:00:00Z") Instant startAt,
        @Schema(example = "2026-03-31T23:59:59Z", description = "after startAt") Instant endAt,
        @Size(max = 64) @Schema(example = "Europe/Berlin", description = "IANA zone; default UTC") String timeZone) {
}
