package dev.surf.ranking.registry;

import java.time.OffsetDateTime;
import java.util.Map;

/** One registered model version, without its bytes. */
public record ModelVersionInfo(String name, long version, String status, String source, String sha256, int sizeBytes,
                               Map<String, Double> metrics, OffsetDateTime createdAt, OffsetDateTime promotedAt,
                               OffsetDateTime rolledBackAt) {
}
