package dev.surf.ad.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * POST /v1/decisions: public (publisher pages call it). The body is parsed here rather than by the
 * framework so every malformed input, down to broken JSON, gets a 400 problem+json with a reason.
 * Parsing runs on the event loop with the whole body in hand; the decision itself (which waits for
 * the ranking call) runs on a worker thread.
 */
@Path("/v1/decisions")
public class DecisionResource {
    private final DecisionService service;
    private final ObjectMapper json;
    private final int maxAds;

    public DecisionResource(DecisionService service, ObjectMapper json,
                            @ConfigProperty(name = "surf.decision.max-ads", defaultValue = "10") int maxAds) {
        this.service = service;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.maxAds = maxAds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.TYPE})
    @Operation(summary = "Choose up to n ads for a placement and user; returns content and signed tracking URLs")
    public Uni<Response> decide(@RequestBody(content = @Content(schema = @Schema(implementation = DecisionRequest.class)))
                           byte[] body) {
        return OffEventLoop.run(respond(body));
    }

    private java.util.function.Supplier<Response> respond(byte[] body) {
        DecisionRequest request;
        try {
            request = body == null || body.length == 0 ? null : json.readValue(body, DecisionRequest.class);
        } catch (JsonProcessingException e) {
            return OffEventLoop.answer(Problems.of(400, "Malformed decision request", "body is not a valid decision request: "
                    + e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            return OffEventLoop.answer(Problems.of(400, "Malformed decision request", "body could not be read"));
        }
        if (request == null) {
            return OffEventLoop.answer(Problems.of(400, "Malformed decision request", "body is required"));
        }
        List<String> problems = request.problems(maxAds);
        if (!problems.isEmpty()) {
            return OffEventLoop.answer(Problems.of(400, "Invalid decision request", String.join("; ", problems), problems));
        }
        DecisionRequest valid = request.normalized();
        return () -> Response.ok(service.decide(valid, 0)).type(MediaType.APPLICATION_JSON).build();
    }
}
