package dev.surf.ad.account;

import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** An advertiser's own API keys: create (secret shown once), list by prefix, revoke. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "API keys")
@SecurityRequirement(name = "apiKey")
public class ApiKeyResource {
    private final AccountService accounts;
    private final CurrentAdvertiser caller;

    public ApiKeyResource(AccountService accounts, CurrentAdvertiser caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key; the whole key is in this response only")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public Response create(ApiKeyInput body) {
        return Response.status(201).entity(accounts.createKey(caller.id(), body)).build();
    }

    @GET
    @Operation(summary = "List the advertiser's keys (prefix, name, last use, revocation); size max 200")
    public Page<ApiKeyView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return accounts.keys(caller.id(), PageRequest.parse(page, size, null, Map.of("id", "id")));
    }

    @POST
    @Path("{prefix}/actions/revoke")
    @Operation(summary = "Revoke a key by its prefix; it stops authenticating at once")
    public ApiKeyView revoke(@PathParam("prefix") String prefix) {
        return accounts.revoke(caller.id(), prefix);
    }

    @DELETE
    @Path("{prefix}")
    @Operation(summary = "Revoke a key by its prefix (same as actions/revoke)")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response delete(@PathParam("prefix") String prefix) {
        accounts.revoke(caller.id(), prefix);
        return Response.noContent().build();
    }
}
