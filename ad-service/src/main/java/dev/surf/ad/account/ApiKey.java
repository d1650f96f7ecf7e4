package dev.surf.ad.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API key (table api_key, V2): only the SHA-256 of the whole key is stored, with its visible prefix. */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "advertiser_id")
    public Long advertiserId;
    public String role;
    public String prefix;
    @Column(name = "secret_sha256")
    public String secretSha256;
    public String name;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt = Instant.now();
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
