package dev.surf.ad.creative;

import dev.surf.ad.account.Roles;
import dev.surf.ad.web.Ids;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import dev.surf.ad.web.QueryParams;
import dev.surf.ad.web.studio.StudioBrief;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** Background ad-copy generation through Kafka: queue a brief, then poll its status. */
@Path("/api/v1/campaigns/{campaignId}/creative-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "Creative requests")
@SecurityRequirement(name = "apiKey")
public class GenerationRequestResource {
    private final GenerationRequestService service;

    public GenerationRequestResource(GenerationRequestService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a generation request (honours Idempotency-Key)",
            description = "Publishes the brief on surf.creative.requests.v1; creative-gen's variants become DRAFT creatives "
                    + "(source GENERATED). 202 with the request (status QUEUED); 503 when it could not be queued.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudioBrief.class),
            examples = @ExampleObject(name = "coffee", value = """
                    {"product":"single-origin coffee","offer":"20% off","audience":"home baristas","tone":"friendly",
                     "language":"en","count":3,"landingUrl":"https://beans.example.com"}""")))
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GenerationRequestView.class)))
    public Response create(@PathParam("campaignId") String campaignId, StudioBrief body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return service.create(Ids.parse("campaign", campaignId), body, idempotencyKey).toResponse();
    }

    @GET
    @Operation(summary = "List the campaign's generation requests",
            description = "sort: createdAt or id ('-' for descending, default -createdAt). Page size 1-200 (default 50).")
    public Page<GenerationRequestView> list(@PathParam("campaignId") String campaignId, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return service.list(Ids.parse("campaign", campaignId), PageRequest.parse(QueryParams.integer("page", page),
                QueryParams.integer("size", size), sort == null ? "-createdAt" : sort, GenerationRequestService.SORTABLE));
    }

    @GET
    @Path("{requestId}")
    @Operation(summary = "Get a generation request: QUEUED, COMPLETED (with its draft ids) or FAILED (with the reason)")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GenerationRequestView.class)))
    public GenerationRequestView get(@PathParam("campaignId") String campaignId, @PathParam("requestId") String requestId) {
        return service.get(Ids.parse("campaign", campaignId), requestId);
    }
}
