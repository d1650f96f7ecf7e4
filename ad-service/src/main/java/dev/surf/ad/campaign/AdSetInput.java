package dev.surf.ad.campaign;

import dev.surf.ad.campaign.Targeting.Device;
import dev.surf.ad.campaign.Targeting.FrequencyPeriod;
import dev.surf.ad.campaign.Targeting.Gender;
import dev.surf.ad.campaign.Targeting.Placement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of an ad set. Empty or missing lists mean "no restriction". */
@Schema(name = "AdSetInput")
public record AdSetInput(
        @NotNull @Positive @Schema(example = "42", description = "the campaign it belongs to; fixed after create") Long campaignId,
        @NotBlank @Size(max = 200) @Schema(example = "DE/AT runners 25-44") String name,
        @Size(max = 250) @Schema(example = "[\"DE\",\"AT\"]", description = "ISO 3166-1 alpha-2")
        List<@NotNull @Pattern(regexp = "[A-Z]{2}") String> countries,
        @Size(max = 500) @Schema(example = "[\"DE-BE\"]", description = "ISO 3166-2")
        List<@NotNull @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}") String> regions,
        @Min(13) @Max(100) @Schema(example = "25") Integer ageMin,
        @Min(13) @Max(100) @Schema(example = "44") Integer ageMax,
        @Size(max = 3) List<@NotNull Gender> genders,
        @Size(max = 26) @Schema(example = "[\"running\",\"fitness\"]", description = "ids from the interest vocabulary (Targeting.INTERESTS)")
        List<@NotNull String> interests,
        @Size(max = 200) @Schema(example = "[\"trail shoes\"]") List<@NotBlank @Size(max = 80) String> keywords,
        @Size(max = 6) List<@NotNull Placement> placements,
        @Size(max = 4) List<@NotNull Device> devices,
        @Min(1) @Max(1000) @Schema(example = "3", description = "impressions per user per frequencyPeriod") Integer frequencyCap,
        @Schema(example = "DAY") FrequencyPeriod frequencyPeriod,
        @Size(max = 168) @Schema(example = "[8,9,10,11]", description = "hour-of-week slots 0 (Mon 00:00) .. 167 in the campaign's time zone")
        List<@NotNull @Min(0) @Max(167) Integer> dayparting) {
}
