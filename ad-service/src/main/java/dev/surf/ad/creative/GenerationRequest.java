package dev.surf.ad.creative;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A background generation request (table creative_request, V50); its outcome is in creative_request_outcome. */
@Entity
@Table(name = "creative_request")
public class GenerationRequest {
    @Id
    public UUID id;
    @Column(name = "advertiser_id", updatable = false)
    public long advertiserId;
    @Column(name = "campaign_id", updatable = false)
    public long campaignId;
    /** The brief as the advertiser sent it (JSON). */
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String brief;
    @Column(name = "variant_count")
    public int variantCount;
    @Column(name = "landing_url")
    public String landingUrl;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt = Instant.now();
}
