package dev.surf.ad.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An advertiser account (table advertiser, V2): owns campaigns, ad sets, creatives and API keys. */
@Entity
@Table(name = "advertiser")
public class Advertiser {
    public enum Status { ACTIVE, SUSPENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String currency;
    @Column(name = "time_zone")
    public String timeZone;
    public String status = Status.ACTIVE.name();
    @Column(name = "created_at", updatable = false)
    public Instant createdAt = Instant.now();
    @Version
    public long version;
}
