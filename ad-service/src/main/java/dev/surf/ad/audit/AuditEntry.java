package dev.surf.ad.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One row of the audit trail (table audit_log, V3); before/after are the API views as JSON. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at = Instant.now();
    public String actor;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "advertiser_id")
    public Long advertiserId;
    public String entity;
    @Column(name = "entity_id")
    public long entityId;
    public String action;
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String before;
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String after;
}
