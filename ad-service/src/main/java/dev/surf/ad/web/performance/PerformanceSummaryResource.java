package dev.surf.ad.web.performance;

import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.account.Roles;
import dev.surf.ad.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lifetime totals for the portal's campaigns list; unknown or foreign ids are simply absent. */
@Path("/api/v1/performance")
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "Performance")
@SecurityRequirement(name = "apiKey")
public class PerformanceSummaryResource {
    private final PerformanceService service;
    private final CurrentAdvertiser caller;

    public PerformanceSummaryResource(PerformanceService service, CurrentAdvertiser caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lifetime delivery totals of up to 200 of the caller's campaigns (repeat campaignId)")
    public CampaignSummary summary(@QueryParam("campaignId") List<String> campaignIds) {
        List<Long> ids = campaignIds.stream().map(raw -> QueryParams.id("campaignId", raw)).filter(Objects::nonNull).toList();
        return service.summary(caller.id(), ids);
    }
}
