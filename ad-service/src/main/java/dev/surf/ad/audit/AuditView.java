package dev.surf.ad.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An audit entry as the API shows it. */
public record AuditView(long id, Instant at, String actor, String actorRole, Long advertiserId, String entity,
        long entityId, String action, JsonNode before, JsonNode after) {
}
