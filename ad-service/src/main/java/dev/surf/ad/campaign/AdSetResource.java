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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ad-sets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "Ad sets")
@SecurityRequirement(name = "apiKey")
public class AdSetResource {
    private final AdSetService service;

    public AdSetResource(AdSetService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an ad set in one of the caller's campaigns (honours Idempotency-Key)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdSetInput.class),
            examples = @ExampleObject(name = "runners", value = """
                    {"campaignId":42,"name":"DE/AT runners 25-44","countries":["DE","AT"],"ageMin":25,"ageMax":44,
                     "genders":["FEMALE","MALE"],"interests":["running","fitness"],"keywords":["trail shoes"],
                     "placements":["FEED"],"devices":["MOBILE"],"frequencyCap":3,"frequencyPeriod":"DAY",
                     "dayparting":[8,9,10,11,12]}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdSetView.class)))
    public Response create(AdSetInput body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return service.create(Bodies.required(body), idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List the caller's ad sets",
            description = "Filters: campaignId, status. sort: id, name, createdAt, updatedAt ('-' for descending). Page size 1-200 (default 50).")
    public Page<AdSetView> list(@QueryParam("campaignId") String campaignId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return service.list(QueryParams.id("campaignId", campaignId),
                QueryParams.enumValue(AdSetStatus.class, "status", status),
                PageRequest.parse(QueryParams.integer("page", page), QueryParams.integer("size", size), sort,
                        AdSetService.SORTABLE));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an ad set (ETag = version)")
    @APIResponse(responseCode = "200", description = "The ad set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdSetView.class)))
    public Response get(@PathParam("id") String id) {
        AdSetView v = service.get(Ids.parse("ad set", id));
        return Responses.ok(v, v.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update an ad set (JSON merge patch; If-Match or body version required)")
    @RequestBody(content = @Content(mediaType = MediaTypes.MERGE_PATCH, schema = @Schema(implementation = AdSetInput.class),
            examples = @ExampleObject(name = "narrow ages", value = "{\"ageMin\":30,\"version\":0}")))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        AdSetView v = service.patch(Ids.parse("ad set", id), body, ifMatch);
        return Responses.ok(v, v.version());
    }

    @POST
    @Path("{id}/actions/activate")
    @Operation(summary = "Activate a paused ad set")
    public Response activate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, AdSetStatus.ACTIVE, ifMatch);
    }

    @POST
    @Path("{id}/actions/pause")
    @Operation(summary = "Pause an ad set")
    public Response pause(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, AdSetStatus.PAUSED, ifMatch);
    }

    @POST
    @Path("{id}/actions/archive")
    @Operation(summary = "Archive an ad set (final)")
    public Response archive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, AdSetStatus.ARCHIVED, ifMatch);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an ad set: archives it")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.transition(Ids.parse("ad set", id), AdSetStatus.ARCHIVED, ifMatch);
        return Response.noContent().build();
    }

    private Response act(String id, AdSetStatus target, String ifMatch) {
        AdSetView v = service.transition(Ids.parse("ad set", id), target, ifMatch);
        return Responses.ok(v, v.version());
    }
}
