package dev.surf.ad.audit;

import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.web.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records who changed what, in the same transaction as the change itself. */
@ApplicationScoped
public class AuditTrail {
    private final EntityManager em;
    private final CurrentAdvertiser caller;
    private final JsonBodies json;

    public AuditTrail(EntityManager em, CurrentAdvertiser caller, JsonBodies json) {
        this.em = em;
        this.caller = caller;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long advertiserId, String entity, long entityId, String action, Object before, Object after) {
        AuditEntry e = new AuditEntry();
        e.actor = caller.actor();
        e.actorRole = caller.role();
        e.advertiserId = advertiserId;
        e.entity = entity;
        e.entityId = entityId;
        e.action = action;
        e.before = before == null ? null : json.write(before);
        e.after = after == null ? null : json.write(after);
        em.persist(e);
    }
}
