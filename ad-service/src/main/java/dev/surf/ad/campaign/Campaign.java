package dev.surf.ad.campaign;

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

/** A campaign (table campaign, V2). Money in micros of the advertiser's currency. */
@Entity
@Table(name = "campaign")
public class Campaign {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "advertiser_id", updatable = false)
    public long advertiserId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Objective objective;
    @Enumerated(EnumType.STRING)
    public CampaignStatus status = CampaignStatus.DRAFT;
    @Column(name = "daily_budget_micros")
    public long dailyBudgetMicros;
    @Column(name = "lifetime_budget_micros")
    public Long lifetimeBudgetMicros;
    @Enumerated(EnumType.STRING)
    @Column(name = "bid_strategy")
    public BidStrategy bidStrategy;
    @Column(name = "bid_amount_micros")
    public long bidAmountMicros;
    @Column(name = "start_at")
    public Instant startAt;
    @Column(name = "end_at")
    public Instant endAt;
    @Column(name = "time_zone")
    public String timeZone;
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

    void apply(CampaignInput in) {
        name = in.name().strip();
        objective = in.objective();
        dailyBudgetMicros = in.dailyBudgetMicros();
        lifetimeBudgetMicros = in.lifetimeBudgetMicros();
        bidStrategy = in.bidStrategy();
        bidAmountMicros = in.bidAmountMicros();
        startAt = in.startAt();
        endAt = in.endAt();
        timeZone = in.timeZone() == null ? "UTC" : in.timeZone();
    }

    CampaignInput toInput() {
        return new CampaignInput(name, objective, dailyBudgetMicros, lifetimeBudgetMicros, bidStrategy, bidAmountMicros,
                startAt, endAt, timeZone);
    }
}
