package dev.surf.ad.campaign;

import dev.surf.ad.account.Roles;
import dev.surf.ad.web.Bodies;
import dev.surf.ad.web.Ids;
import dev.surf.ad.web.MediaTypes;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import dev.surf.ad.web.QueryParams;
import dev.surf.ad.web.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "Campaigns")
@SecurityRequirement(name = "apiKey")
public class CampaignResource {
    private final CampaignService service;

    public CampaignResource(CampaignService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a campaign (status DRAFT)",
            description = "Honours Idempotency-Key: the same key and body replay the first response; the same key with another body is a 422.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignInput.class),
            examples = @ExampleObject(name = "clicks", value = """
                    {"name":"Spring sale - running shoes","objective":"CLICKS","dailyBudgetMicros":50000000,
                     "lifetimeBudgetMicros":1500000000,"bidStrategy":"CPC","bidAmountMicros":750000,
                     "startAt":"2026-03-01T00:00:00Z","endAt":"2026-03-31T23:59:59Z","timeZone":"Europe/Berlin"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Response create(CampaignInput body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return service.create(Bodies.required(body), idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List the caller's campaigns",
            description = "Filters: status, objective, q (name contains). sort: id, name, createdAt, updatedAt, dailyBudgetMicros, startAt, '-' prefix for descending. Page size 1-200 (default 50).")
    public Page<CampaignView> list(@QueryParam("status") String status, @QueryParam("objective") String objective,
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        return service.list(QueryParams.enumValue(CampaignStatus.class, "status", status),
                QueryParams.enumValue(Objective.class, "objective", objective), q,
                PageRequest.parse(QueryParams.integer("page", page), QueryParams.integer("size", size), sort,
                        CampaignService.SORTABLE));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a campaign (ETag = version)")
    @APIResponse(responseCode = "200", description = "The campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Response get(@PathParam("id") String id) {
        CampaignView v = service.get(Ids.parse("campaign", id));
        return Responses.ok(v, v.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a campaign (JSON merge patch)",
            description = "Needs If-Match with the ETag from GET, or 'version' in the body; a stale version is a 412. Status changes go through the actions.")
    @RequestBody(content = @Content(mediaType = MediaTypes.MERGE_PATCH, schema = @Schema(implementation = CampaignInput.class),
            examples = @ExampleObject(name = "raise budget", value = "{\"dailyBudgetMicros\":80000000,\"version\":0}")))
    @APIResponse(responseCode = "200", description = "The updated campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Response patch(@PathParam("id") String id, @Parameter(description = "ETag from GET") @HeaderParam("If-Match") String ifMatch,
            String body) {
        CampaignView v = service.patch(Ids.parse("campaign", id), body, ifMatch);
        return Responses.ok(v, v.version());
    }

    @POST
    @Path("{id}/actions/activate")
    @Operation(summary = "Activate a draft or paused campaign")
    public Response activate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, CampaignService.Action.ACTIVATE, ifMatch);
    }

    @POST
    @Path("{id}/actions/pause")
    @Operation(summary = "Pause an active campaign")
    public Response pause(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, CampaignService.Action.PAUSE, ifMatch);
    }

    @POST
    @Path("{id}/actions/archive")
    @Operation(summary = "Archive a campaign (final: it stops serving and can no longer change)")
    public Response archive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, CampaignService.Action.ARCHIVE, ifMatch);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a campaign: archives it (stats and audit keep their references)")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.transition(Ids.parse("campaign", id), CampaignService.Action.ARCHIVE, ifMatch);
        return Response.noContent().build();
    }

    private Response act(String id, CampaignService.Action action, String ifMatch) {
        CampaignView v = service.transition(Ids.parse("campaign", id), action, ifMatch);
        return Responses.ok(v, v.version());
    }
}
