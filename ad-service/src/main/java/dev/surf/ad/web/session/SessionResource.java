package dev.surf.ad.web.session;

import dev.surf.ad.account.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who the presented key belongs to, so the portal and the console can sign in with one call and the
 * console can tell an advertiser "not allowed" without probing other endpoints.
 */
@Path("/api/v1/session")
@Authenticated
@Tag(name = "Session")
@SecurityRequirement(name = "apiKey")
public class SessionResource {
    private final SecurityIdentity identity;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** role: advertiser or internal; advertiserId only for advertisers; keyPrefix never the secret. */
    public record SessionView(String role, Long advertiserId, String keyPrefix) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's role, advertiser id and key prefix")
    public SessionView get() {
        boolean internal = identity.hasRole(Roles.INTERNAL);
        Object id = identity.getAttribute(Roles.ADVERTISER_ID_ATTRIBUTE);
        Object prefix = identity.getAttribute(Roles.KEY_PREFIX_ATTRIBUTE);
        Long advertiserId = internal ? null : id instanceof Number n ? Long.valueOf(n.longValue()) : null;
        return new SessionView(internal ? Roles.INTERNAL : Roles.ADVERTISER, advertiserId,
                prefix == null ? null : prefix.toString());
    }
}
