package dev.surf.ad.web.performance;

import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.Problem;
import dev.surf.ad.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Performance reports of one advertiser's campaigns from stats_hourly. */
@ApplicationScoped
public class PerformanceService {
    public static final int MAX_SUMMARY_IDS = 200;
    private final PerformanceRepository repo;
    private final Clock clock = Clock.systemUTC();

    public PerformanceService(PerformanceRepository repo) {
        this.repo = repo;
    }

    public ReportPeriod period(String granularity, String from, String to) {
        return ReportPeriod.parse(granularity, from, to, clock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PerformanceReport report(long advertiserId, long campaignId, ReportPeriod p) {
        String zone = zoneOf(advertiserId, campaignId);
        List<PerformanceReport.Point> series = repo.series(advertiserId, campaignId, p, zone);
        long imp = 0, clk = 0, conv = 0, spend = 0, value = 0;
        for (PerformanceReport.Point pt : series) {
            imp += pt.impressions();
            clk += pt.clicks();
            conv += pt.conversions();
            spend += pt.spendMicros();
            value += pt.conversionValueMicros();
        }
        return new PerformanceReport(campaignId, p.granularity().name().toLowerCase(Locale.ROOT), zone, p.from(), p.to(),
                new Totals(imp, clk, conv, spend, value), series,
                repo.byCreative(advertiserId, campaignId, p), repo.byAdSet(advertiserId, campaignId, p));
    }

    /** The CSV export: one line per bucket, ad set and creative with delivery. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String csv(long advertiserId, long campaignId, ReportPeriod p) {
        String zone = zoneOf(advertiserId, campaignId);
        StringBuilder out = new StringBuilder(
                "bucket_start,ad_set_id,ad_set_name,creative_id,creative_headline,impressions,clicks,ctr,conversions,spend,conversion_value\r\n");
        for (Object[] r : repo.detail(advertiserId, campaignId, p, zone)) {
            Totals t = Totals.of(r, 5);
            String ctr = t.impressions() == 0 ? "" : String.format(Locale.ROOT, "%.6f", (double) t.clicks() / t.impressions());
            out.append(PerformanceRepository.instant(r[0])).append(',')
                    .append(Totals.n(r[1])).append(',').append(Csv.field((String) r[2])).append(',')
                    .append(Totals.n(r[3])).append(',').append(Csv.field((String) r[4])).append(',')
                    .append(t.impressions()).append(',').append(t.clicks()).append(',').append(ctr).append(',')
                    .append(t.conversions()).append(',').append(Csv.money(t.spendMicros())).append(',')
                    .append(Csv.money(t.conversionValueMicros())).append("\r\n");
        }
        return out.toString();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignSummary summary(long advertiserId, List<Long> campaignIds) {
        if (campaignIds.size() > MAX_SUMMARY_IDS) {
            throw new ProblemException(Problem.of(400, "bad-query", "Invalid query parameter",
                    "at most " + MAX_SUMMARY_IDS + " campaign ids per request",
                    List.of(new FieldError("campaignId", "at most " + MAX_SUMMARY_IDS + " values"))));
        }
        return new CampaignSummary(repo.summary(advertiserId, campaignIds.stream().distinct().toList()));
    }

    /** 404 (not 403) for another advertiser's campaign, so ids do not leak. */
    private String zoneOf(long advertiserId, long campaignId) {
        String zone = repo.campaignTimeZone(advertiserId, campaignId)
                .orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
        try {
            return ZoneId.of(zone).getId();
        } catch (RuntimeException e) {
            return "UTC";
        }
    }
}
