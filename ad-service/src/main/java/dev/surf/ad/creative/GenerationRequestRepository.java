package dev.surf.ad.creative;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Background generation requests, their outcomes and the drafts stored from them. */
@ApplicationScoped
public class GenerationRequestRepository implements PanacheRepositoryBase<GenerationRequest, UUID> {
    /** What the consumers recorded for a request; absent while it is queued. */
    public record Outcome(GenerationRequestStatus status, String model, int rejected, String reason, Integer attempts,
            Instant finishedAt) {
    }

    public Optional<GenerationRequest> findOwned(long advertiserId, long campaignId, UUID id) {
        return find("id = ?1 and advertiserId = ?2 and campaignId = ?3", id, advertiserId, campaignId).firstResultOptional();
    }

    /** Outcomes by request id, for one page of requests in one query; a queued request has none. */
    public Map<String, Outcome> outcomes(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select request_id, status, model, rejected, reason, attempts, finished_at "
                        + "from {h-schema}creative_request_outcome where request_id = any(cast(?1 as text[]))")
                .setParameter(1, ids.stream().map(UUID::toString).toArray(String[]::new)).getResultList();
        Map<String, Outcome> byId = new HashMap<>();
        for (Object[] r : rows) {
            byId.put((String) r[0], new Outcome(GenerationRequestStatus.valueOf((String) r[1]), (String) r[2],
                    ((Number) r[3]).intValue(), (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue(), (Instant) r[6]));
        }
        return byId;
    }

    /** The draft creatives GeneratedDraftConsumer stored from these requests, by request id, in variant order. */
    public Map<String, List<Long>> draftIds(long advertiserId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select generation_request, id from {h-schema}creative "
                        + "where generation_request = any(cast(?1 as text[])) and advertiser_id = ?2 "
                        + "order by generation_request, variant_index")
                .setParameter(1, ids.stream().map(UUID::toString).toArray(String[]::new)).setParameter(2, advertiserId)
                .getResultList();
        Map<String, List<Long>> byId = new HashMap<>();
        for (Object[] r : rows) {
            byId.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(((Number) r[1]).longValue());
        }
        return byId;
    }
}
