package dev.surf.ad.account;

import dev.surf.ad.web.Ids;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Advertiser accounts: managed by the internal role; an advertiser reads its own via /me. */
@Path("/api/v1/advertisers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Advertisers")
@SecurityRequirement(name = "apiKey")
public class AdvertiserResource {
    private final AccountService accounts;
    private final CurrentAdvertiser caller;

    public AdvertiserResource(AccountService accounts, CurrentAdvertiser caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Create an advertiser (internal)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdvertiserView.class)))
    public Response create(AdvertiserInput body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return accounts.createAdvertiser(body == null ? new AdvertiserInput(null, null, null) : body, idempotencyKey).toResponse();
    }

    @GET
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "List advertisers (internal); size max 200")
    public Page<AdvertiserView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return accounts.advertisers(PageRequest.parse(page, size, null, Map.of("id", "id")));
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.ADVERTISER)
    @Operation(summary = "The calling advertiser's own account")
    public AdvertiserView me() {
        return accounts.advertiser(caller.id());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Get an advertiser (internal)")
    public AdvertiserView get(@PathParam("id") String id) {
        return accounts.advertiser(Ids.parse("advertiser", id));
    }

    @POST
    @Path("{id}/actions/suspend")
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Suspend an advertiser: its keys stop authenticating (internal)")
    public AdvertiserView suspend(@PathParam("id") String id) {
        return accounts.setStatus(Ids.parse("advertiser", id), Advertiser.Status.SUSPENDED);
    }

    @POST
    @Path("{id}/actions/activate")
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Reactivate a suspended advertiser (internal)")
    public AdvertiserView activate(@PathParam("id") String id) {
        return accounts.setStatus(Ids.parse("advertiser", id), Advertiser.Status.ACTIVE);
    }

    @POST
    @Path("{id}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERNAL)
    @Operation(summary = "Create an API key for an advertiser (internal); the key is shown once")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public Response createKey(@PathParam("id") String id, ApiKeyInput body) {
        ApiKeyView key = accounts.createKey(Ids.parse("advertiser", id), body);
        return Response.status(201).entity(key).build();
    }
}
