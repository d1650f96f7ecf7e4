package dev.surf.ad.creative;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Creative")
public record CreativeView(long id, long advertiserId, long campaignId, Long adSetId, String headline,
        String primaryText, String description, String callToAction, String landingUrl, String imageUrl,
        CreativeStatus status, CreativeSource source, JsonNode generator, String generationRequest,
        Integer variantIndex, List<String> policyReasons, Instant createdAt, Instant updatedAt,
        @Schema(description = "Row version; also the ETag") long version) {
}
