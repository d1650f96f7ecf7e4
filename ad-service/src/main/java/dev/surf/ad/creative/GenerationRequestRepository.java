package dev.surf.ad.creative;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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

    public Optional<Outcome> outcome(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select status, model, rejected, reason, attempts, finished_at from {h-schema}creative_request_outcome "
                        + "where request_id = ?1").setParameter(1, id.toString()).getResultList();
        return rows.stream().findFirst().map(r -> new Outcome(GenerationRequestStatus.valueOf((String) r[0]), (String) r[1],
                ((Number) r[2]).intValue(), (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue(), (Instant) r[5]));
    }

    /** The draft creatives GeneratedDraftConsumer stored from this request, in variant order. */
    public List<Long> draftIds(long advertiserId, UUID id) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("select id from {h-schema}creative "
                        + "where generation_request = ?1 and advertiser_id = ?2 order by variant_index")
                .setParameter(1, id.toString()).setParameter(2, advertiserId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
