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
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An ad set (table ad_set, V2): the targeting of part of a campaign. */
@Entity
@Table(name = "ad_set")
public class AdSet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "advertiser_id", updatable = false)
    public long advertiserId;
    @Column(name = "campaign_id", updatable = false)
    public long campaignId;
    public String name;
    @Enumerated(EnumType.STRING)
    public AdSetStatus status = AdSetStatus.ACTIVE;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] countries = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] regions = new String[0];
    @Column(name = "age_min")
    public Integer ageMin;
    @Column(name = "age_max")
    public Integer ageMax;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] genders = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] interests = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] keywords = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] placements = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] devices = new String[0];
    @Column(name = "frequency_cap")
    public Integer frequencyCap;
    @Column(name = "frequency_period")
    public String frequencyPeriod;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Integer[] dayparting = new Integer[0];
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

    void apply(AdSetInput in) {
        name = in.name().strip();
        countries = strings(in.countries(), s -> s);
        regions = strings(in.regions(), s -> s);
        ageMin = in.ageMin();
        ageMax = in.ageMax();
        genders = strings(in.genders(), Enum::name);
        interests = strings(in.interests(), s -> s);
        keywords = strings(in.keywords(), String::strip);
        placements = strings(in.placements(), Enum::name);
        devices = strings(in.devices(), Enum::name);
        frequencyCap = in.frequencyCap();
        frequencyPeriod = in.frequencyPeriod() == null ? null : in.frequencyPeriod().name();
        dayparting = in.dayparting() == null ? new Integer[0]
                : in.dayparting().stream().distinct().sorted().toArray(Integer[]::new);
    }

    AdSetInput toInput() {
        return new AdSetInput(campaignId, name, List.of(countries), List.of(regions), ageMin, ageMax,
                enums(genders, Targeting.Gender::valueOf), List.of(interests), List.of(keywords),
                enums(placements, Targeting.Placement::valueOf), enums(devices, Targeting.Device::valueOf),
                frequencyCap, frequencyPeriod == null ? null : Targeting.FrequencyPeriod.valueOf(frequencyPeriod),
                List.of(dayparting));
    }

    private static <T> String[] strings(List<T> values, Function<T, String> f) {
        return values == null ? new String[0] : values.stream().map(f).distinct().toArray(String[]::new);
    }

    private static <E> List<E> enums(String[] values, Function<String, E> f) {
        return Arrays.stream(values).map(f).toList();
    }
}
