package dev.surf.ad.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed; {@code key} is present only in the create response, never again. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        @Schema(example = "surf_k3j5h2abcd7q") String prefix, String name, String role, Long advertiserId,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt,
        @Schema(description = "The whole secret key: shown once, store it now") String key) {
    static ApiKeyView of(ApiKey k, String secret) {
        return new ApiKeyView(k.prefix, k.name, k.role.toLowerCase(java.util.Locale.ROOT), k.advertiserId,
                k.createdAt, k.lastUsedAt, k.revokedAt, secret);
    }
}
