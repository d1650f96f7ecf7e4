package dev.surf.ad.creative;

import dev.surf.events.CreativeRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a creative; limits come from {@link CreativeRules}. */
@Schema(name = "CreativeInput")
public record CreativeInput(
        @NotNull @Positive @Schema(example = "42", description = "fixed after create") Long campaignId,
        @Positive @Schema(example = "7", description = "optional ad set of the same campaign") Long adSetId,
        @NotBlank @Size(max = CreativeRules.HEADLINE_MAX) @Schema(example = "Run lighter this spring") String headline,
        @NotBlank @Size(max = CreativeRules.PRIMARY_TEXT_MAX) @Schema(example = "Trail shoes that weigh less than your water bottle.") String primaryText,
        @Size(max = CreativeRules.DESCRIPTION_MAX) @Schema(example = "Free returns") String description,
        @NotNull @Schema(example = "SHOP_NOW", description = "one of CreativeRules.CALLS_TO_ACTION") String callToAction,
        @NotBlank @Size(max = 2048) @Schema(example = "https://shop.example.com/spring") String landingUrl,
        @Size(max = 2048) @Schema(example = "https://cdn.example.com/shoe.jpg") String imageUrl,
        @Schema(example = "HUMAN") CreativeSource source,
        @Schema(description = "GENERATED only: model, prompt, sampling settings, seed") Map<String, Object> generator,
        @Size(max = 200) String generationRequest,
        @Min(0) @Max(1000) Integer variantIndex) {
}
