package dev.surf.ad.tracking;

import dev.surf.ad.decision.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Public tracking beacons. Each answers only after the broker has the event (acks=all), so an
 * answered beacon is never lost; a refused token is 4xx problem+json and charges nothing.
 */
@Path("/t")
// Runs on the event loop: verifying a token is CPU only, and SignalPublisher bounds how long send() may
// block (surf.signals.max-block) and re-sends from its own thread.
public class TrackingResource {
    private static final Logger LOG = Logger.getLogger(TrackingResource.class);
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingService tracking;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public TrackingResource(TrackingService tracking, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.tracking = tracking;
        this.json = json;
    }

    /** Server-to-server conversion: {"token": "...", "valueMicros": 0}. */
    public record Conversion(String token, Long valueMicros) {
    }

    @GET
    @Path("imp")
    public CompletionStage<Response> impression(@QueryParam("t") String token) {
        return track(token, TrackingClaims.Kind.IMPRESSION, 0, t -> pixel());
    }

    @GET
    @Path("click")
    public CompletionStage<Response> click(@QueryParam("t") String token) {
        return track(token, TrackingClaims.Kind.CLICK, 0, t -> {
            String landing = t.claims().landingUrl();
            String cv = tracking.urls().conversionToken(t.claims(), System.currentTimeMillis());
            String sep = landing.contains("?") ? "&" : "?";
            return Response.status(302).location(URI.create(landing + sep + "surf_cv=" + cv)).build();
        });
    }

    @GET
    @Path("conv")
    public CompletionStage<Response> conversionPixel(@QueryParam("t") String token, @QueryParam("value") Long value) {
        return track(token, TrackingClaims.Kind.CONVERSION, value == null ? 0 : value, t -> pixel());
    }

    @POST
    @Path("conv")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> conversion(byte[] raw) {
        Conversion body;
        try {
            body = raw == null || raw.length == 0 ? null : json.readValue(raw, Conversion.class);
        } catch (java.io.IOException e) {
            body = null;
        }
        if (body == null) {
            tracking.reject("malformed");
            return CompletableFuture.completedFuture(Problems.of(400, "Malformed conversion", "body with token is required"));
        }
        long value = body.valueMicros() == null ? 0 : body.valueMicros();
        return track(body.token(), TrackingClaims.Kind.CONVERSION, value, t -> Response.accepted()
                .type(MediaType.APPLICATION_JSON)
                .entity(java.util.Map.of("eventId", t.eventId(), "decisionId", t.claims().decisionId())).build());
    }

    private CompletionStage<Response> track(String token, TrackingClaims.Kind kind, long value,
                                            java.util.function.Function<TrackingService.Tracked, Response> ok) {
        TrackingClaims claims;
        try {
            claims = tracking.verify(token, kind);
        } catch (TokenRejected e) {
            int status = switch (e.reason()) {
                case "expired" -> 410;
                case "bad_signature", "wrong_kind" -> 403;
                default -> 400;
            };
            return CompletableFuture.completedFuture(Problems.of(status, "Tracking token refused", e.getMessage()));
        }
        if (value < 0) {
            tracking.reject("malformed");
            return CompletableFuture.completedFuture(Problems.of(400, "Malformed conversion", "value must be >= 0"));
        }
        return tracking.record(claims, kind, value).thenApply(ok).exceptionally(e -> {
            LOG.warnf("could not publish %s: %s", kind, e.getMessage());
            return Problems.of(503, "Tracking temporarily unavailable", "the event was not stored; retry");
        });
    }

    private static Response pixel() {
        return Response.ok(PIXEL, "image/gif").header("Cache-Control", "no-store").build();
    }
}
