package dev.surf.ad.web.studio;

import dev.surf.events.CreativeRules;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The creative limits and call-to-action list, so the portal's editors use the same rules as the API. */
@Authenticated
@Path("/api/v1/creative-rules")
@Tag(name = "Creatives")
public class CreativeRulesResource {

    public record Rules(int headlineMax, int primaryTextMax, int descriptionMax, List<String> callsToAction) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creative length limits and the call-to-action list")
    public Rules rules() {
        return new Rules(CreativeRules.HEADLINE_MAX, CreativeRules.PRIMARY_TEXT_MAX, CreativeRules.DESCRIPTION_MAX,
                CreativeRules.CALLS_TO_ACTION);
    }
}
