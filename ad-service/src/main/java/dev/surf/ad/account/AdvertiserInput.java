package dev.surf.ad.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/advertisers. */
public record AdvertiserInput(
        @NotBlank @Size(max = 200) @Schema(example = "Acme Outdoor") String name,
        @Size(max = 3) @Schema(example = "USD", description = "ISO 4217 code; default USD") String currency,
        @Size(max = 64) @Schema(example = "Europe/Berlin", description = "IANA zone; default UTC") String timeZone) {
}
