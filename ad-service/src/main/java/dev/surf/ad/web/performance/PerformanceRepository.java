package dev.surf.ad.web.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads stats_hourly (filled by the spend and stats consumer). Every query is scoped by advertiser id
 * as well as campaign id, so a caller can never read another advertiser's rows.
 */
@ApplicationScoped
public class PerformanceRepository {
    private static final String SUMS = "coalesce(sum(s.impressions), 0), coalesce(sum(s.clicks), 0), "
            + "coalesce(sum(s.conversions), 0), coalesce(sum(s.spend_micros), 0), coalesce(sum(s.conversion_value_micros), 0)";

    private final EntityManager em;

    public PerformanceRepository(EntityManager em) {
        this.em = em;
    }

    /** The campaign's time zone when it belongs to the advertiser. */
    public Optional<String> campaignTimeZone(long advertiserId, long campaignId) {
        List<?> rows = em.createNativeQuery("select time_zone from campaign where id = ?1 and advertiser_id = ?2")
                .setParameter(1, campaignId).setParameter(2, advertiserId).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** Zero-filled buckets from the one holding {@code from} to the one holding the last instant before {@code to}, in the zone. */
    @SuppressWarnings("unchecked")
    public List<PerformanceReport.Point> series(long advertiserId, long campaignId, ReportPeriod p, String zone) {
        String f = p.granularity().sqlField;
        String sql = "with buckets as (select generate_series(date_trunc('" + f + "', ?3 at time zone ?5), "
                + "date_trunc('" + f + "', (cast(?4 as timestamptz) - interval '1 microsecond') at time zone ?5), interval '1 " + f + "') as b) "
                + "select (b.b at time zone ?5) as bucket, " + SUMS + " from buckets b "
                + "left join stats_hourly s on s.campaign_id = ?1 and s.advertiser_id = ?2 "
                + "and s.hour >= ?3 and s.hour < ?4 and date_trunc('" + f + "', s.hour at time zone ?5) = b.b "
                + "group by b.b order by b.b";
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, campaignId).setParameter(2, advertiserId)
                .setParameter(3, ts(p.from())).setParameter(4, ts(p.to())).setParameter(5, zone)
                .getResultList();
        List<PerformanceReport.Point> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Totals t = Totals.of(r, 1);
            out.add(new PerformanceReport.Point(instant(r[0]), t.impressions(), t.clicks(), t.conversions(),
                    t.spendMicros(), t.conversionValueMicros()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<PerformanceReport.CreativeRow> byCreative(long advertiserId, long campaignId, ReportPeriod p) {
        List<Object[]> rows = em.createNativeQuery("select s.creative_id, c.headline, " + SUMS + " from stats_hourly s "
                        + "left join creative c on c.id = s.creative_id and c.advertiser_id = s.advertiser_id "
                        + "where s.campaign_id = ?1 and s.advertiser_id = ?2 and s.hour >= ?3 and s.hour < ?4 "
                        + "group by s.creative_id, c.headline order by 3 desc, 1")
                .setParameter(1, campaignId).setParameter(2, advertiserId)
                .setParameter(3, ts(p.from())).setParameter(4, ts(p.to())).getResultList();
        return rows.stream().map(r -> {
            Totals t = Totals.of(r, 2);
            return new PerformanceReport.CreativeRow(Totals.n(r[0]), (String) r[1], t.impressions(), t.clicks(),
                    t.conversions(), t.spendMicros(), t.conversionValueMicros());
        }).toList();
    }

    @SuppressWarnings("unchecked")
    public List<PerformanceReport.AdSetRow> byAdSet(long advertiserId, long campaignId, ReportPeriod p) {
        List<Object[]> rows = em.createNativeQuery("select s.ad_set_id, a.name, " + SUMS + " from stats_hourly s "
                        + "left join ad_set a on a.id = s.ad_set_id and a.advertiser_id = s.advertiser_id "
                        + "where s.campaign_id = ?1 and s.advertiser_id = ?2 and s.hour >= ?3 and s.hour < ?4 "
                        + "group by s.ad_set_id, a.name order by 3 desc, 1")
                .setParameter(1, campaignId).setParameter(2, advertiserId)
                .setParameter(3, ts(p.from())).setParameter(4, ts(p.to())).getResultList();
        return rows.stream().map(r -> {
            Totals t = Totals.of(r, 2);
            return new PerformanceReport.AdSetRow(Totals.n(r[0]), (String) r[1], t.impressions(), t.clicks(),
                    t.conversions(), t.spendMicros(), t.conversionValueMicros());
        }).toList();
    }

    /** Rows of the CSV export: per bucket, ad set and creative, only where something happened. */
    @SuppressWarnings("unchecked")
    public List<Object[]> detail(long advertiserId, long campaignId, ReportPeriod p, String zone) {
        String f = p.granularity().sqlField;
        return em.createNativeQuery("select (date_trunc('" + f + "', s.hour at time zone ?5) at time zone ?5) as bucket, "
                        + "s.ad_set_id, a.name, s.creative_id, c.headline, " + SUMS + " from stats_hourly s "
                        + "left join ad_set a on a.id = s.ad_set_id and a.advertiser_id = s.advertiser_id "
                        + "left join creative c on c.id = s.creative_id and c.advertiser_id = s.advertiser_id "
                        + "where s.campaign_id = ?1 and s.advertiser_id = ?2 and s.hour >= ?3 and s.hour < ?4 "
                        + "group by 1, s.ad_set_id, a.name, s.creative_id, c.headline order by 1, 2, 4")
                .setParameter(1, campaignId).setParameter(2, advertiserId)
                .setParameter(3, ts(p.from())).setParameter(4, ts(p.to())).setParameter(5, zone)
                .getResultList();
    }

    /** Lifetime totals of the advertiser's campaigns among {@code campaignIds}. */
    @SuppressWarnings("unchecked")
    public List<CampaignSummary.Row> summary(long advertiserId, List<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("select s.campaign_id, " + SUMS + " from stats_hourly s "
                        + "where s.advertiser_id = ?1 and s.campaign_id in (?2) group by s.campaign_id order by 1")
                .setParameter(1, advertiserId).setParameter(2, campaignIds).getResultList();
        return rows.stream().map(r -> {
            Totals t = Totals.of(r, 1);
            return new CampaignSummary.Row(Totals.n(r[0]), t.impressions(), t.clicks(), t.conversions(),
                    t.spendMicros(), t.conversionValueMicros());
        }).toList();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static Instant instant(Object o) {
        return switch (o) {
            case Timestamp t -> t.toInstant();
            case Instant i -> i;
            case OffsetDateTime odt -> odt.toInstant();
            default -> throw new IllegalStateException("unexpected bucket type " + o.getClass());
        };
    }
}
