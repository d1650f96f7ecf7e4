package dev.surf.ad.creative;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A creative (table creative, V2; ARCHIVED added in V3). generator holds the generator's metadata JSON. */
@Entity
@Table(name = "creative")
public class Creative {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "advertiser_id", updatable = false)
    public long advertiserId;
    @Column(name = "campaign_id", updatable = false)
    public long campaignId;
    @Column(name = "ad_set_id")
    public Long adSetId;
    public String headline;
    @Column(name = "primary_text")
    public String primaryText;
    public String description = "";
    @Column(name = "call_to_action")
    public String callToAction;
    @Column(name = "landing_url")
    public String landingUrl;
    @Column(name = "image_url")
    public String imageUrl;
    @Enumerated(EnumType.STRING)
    public CreativeStatus status = CreativeStatus.DRAFT;
    @Enumerated(EnumType.STRING)
    public CreativeSource source = CreativeSource.HUMAN;
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String generator;
    @Column(name = "generation_request")
    public String generationRequest;
    @Column(name = "variant_index")
    public Integer variantIndex;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "policy_reasons")
    public String[] policyReasons = new String[0];
    @Column(name = "created_at", updatable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
    @Version
    public long version;

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }
}
