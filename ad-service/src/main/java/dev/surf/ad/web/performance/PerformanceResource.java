package dev.surf.ad.web.performance;

import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.account.Roles;
import dev.surf.ad.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Campaign performance for the portal: time series, breakdowns, CSV export. */
@Path("/api/v1/campaigns/{campaignId}/performance")
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "Performance")
@SecurityRequirement(name = "apiKey")
public class PerformanceResource {
    private final PerformanceService service;
    private final CurrentAdvertiser caller;

    public PerformanceResource(PerformanceService service, CurrentAdvertiser caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Impressions, clicks, conversions and spend of a campaign by day or hour",
            description = "granularity: day (default, days in the campaign's time zone) or hour; from/to: ISO-8601 instants, "
                    + "default the last 7 days (day) or 24 hours (hour). Also totals and breakdowns by creative and ad set.")
    public PerformanceReport report(@PathParam("campaignId") String campaignId, @QueryParam("granularity") String granularity,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        long id = Ids.parse("campaign", campaignId);
        return service.report(caller.id(), id, service.period(granularity, from, to));
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @Operation(summary = "The same period as CSV: one line per bucket, ad set and creative with delivery")
    public Response csv(@PathParam("campaignId") String campaignId, @QueryParam("granularity") String granularity,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        long id = Ids.parse("campaign", campaignId);
        ReportPeriod period = service.period(granularity, from, to);
        String body = service.csv(caller.id(), id, period);
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-"
                        + period.granularity().name().toLowerCase(java.util.Locale.ROOT) + ".csv\"")
                .build();
    }
}
