package dev.surf.ad.creative;

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

@Path("/api/v1/creatives")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "Creatives")
@SecurityRequirement(name = "apiKey")
public class CreativeResource {
    private final CreativeService service;

    public CreativeResource(CreativeService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a creative (status DRAFT; honours Idempotency-Key)",
            description = "headline <= 40, primaryText <= 125, description <= 30 characters; callToAction from the fixed list; https URLs only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreativeInput.class),
            examples = @ExampleObject(name = "shoe ad", value = """
                    {"campaignId":42,"headline":"Run lighter this spring",
                     "primaryText":"Trail shoes that weigh less than your water bottle.","description":"Free returns",
                     "callToAction":"SHOP_NOW","landingUrl":"https://shop.example.com/spring",
                     "imageUrl":"https://cdn.example.com/shoe.jpg"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreativeView.class)))
    public Response create(CreativeInput body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return service.create(Bodies.required(body), idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List the caller's creatives",
            description = "Filters: campaignId, adSetId, status. sort: id, headline, createdAt, updatedAt ('-' for descending). Page size 1-200 (default 50).")
    public Page<CreativeView> list(@QueryParam("campaignId") String campaignId, @QueryParam("adSetId") String adSetId,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        return service.list(QueryParams.id("campaignId", campaignId), QueryParams.id("adSetId", adSetId),
                QueryParams.enumValue(CreativeStatus.class, "status", status),
                PageRequest.parse(QueryParams.integer("page", page), QueryParams.integer("size", size), sort,
                        CreativeService.SORTABLE));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a creative (ETag = version)")
    @APIResponse(responseCode = "200", description = "The creative",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreativeView.class)))
    public Response get(@PathParam("id") String id) {
        CreativeView v = service.get(Ids.parse("creative", id));
        return Responses.ok(v, v.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaTypes.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a creative (JSON merge patch; If-Match or body version required); a reviewed creative goes back to review")
    @RequestBody(content = @Content(mediaType = MediaTypes.MERGE_PATCH, schema = @Schema(implementation = CreativeInput.class),
            examples = @ExampleObject(name = "new headline", value = "{\"headline\":\"Lighter. Faster.\",\"version\":0}")))
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        CreativeView v = service.patch(Ids.parse("creative", id), body, ifMatch);
        return Responses.ok(v, v.version());
    }

    @POST
    @Path("{id}/actions/submit")
    @Operation(summary = "Submit a draft or rejected creative for review")
    public Response submit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, CreativeService.Action.SUBMIT, ifMatch);
    }

    @POST
    @Path("{id}/actions/pause")
    @Operation(summary = "Pause an approved creative")
    public Response pause(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, CreativeService.Action.PAUSE, ifMatch);
    }

    @POST
    @Path("{id}/actions/resume")
    @Operation(summary = "Resume a paused creative")
    public Response resume(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, CreativeService.Action.RESUME, ifMatch);
    }

    @POST
    @Path("{id}/actions/archive")
    @Operation(summary = "Archive a creative (final)")
    public Response archive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, CreativeService.Action.ARCHIVE, ifMatch);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a creative: archives it")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.transition(Ids.parse("creative", id), CreativeService.Action.ARCHIVE, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/actions/approve")
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Approve a creative pending review (internal)")
    public Response approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        CreativeView v = service.review(Ids.parse("creative", id), CreativeService.Action.APPROVE, ifMatch);
        return Responses.ok(v, v.version());
    }

    @POST
    @Path("{id}/actions/reject")
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Reject a creative pending review (internal)")
    public Response reject(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        CreativeView v = service.review(Ids.parse("creative", id), CreativeService.Action.REJECT, ifMatch);
        return Responses.ok(v, v.version());
    }

    private Response act(String id, CreativeService.Action action, String ifMatch) {
        CreativeView v = service.transition(Ids.parse("creative", id), action, ifMatch);
        return Responses.ok(v, v.version());
    }
}
