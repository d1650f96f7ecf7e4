package dev.surf.ad.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.ad.decision.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Public tracking beacons, as plain Vert.x routes on the event loop: they are the hottest endpoints
 * (one per impression, click and conversion) and need none of JAX-RS, whose per-request work (request
 * scope activation, a path-template mapper built per request) stood out in a profile of the beacon
 * path. Each answers only after the broker has the event (acks=all), so an answered beacon is never
 * lost; a refused token is 4xx problem+json and charges nothing. Verifying a token is CPU only, and
 * SignalPublisher bounds how long send() may block (surf.signals.max-block) and re-sends from its own
 * thread. The beans on this path are {@code @Singleton}, called directly: an application-scoped
 * bean's client proxy looks up its context on every call, 3 % of a beacon in a profile.
 */
@Singleton
public class TrackingRoutes {
    private static final Logger LOG = Logger.getLogger(TrackingRoutes.class);
    private static final Buffer PIXEL = Buffer.buffer(Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"));
    private static final int MAX_BODY_BYTES = 16 * 1024;
    /** Quarkus runs its HTTP filters as routes ordered from -(highest priority); this is ahead of them all. */
    private static final int BEACON_ORDER = -10_000;

    private final TrackingService tracking;
    private final ObjectMapper json;

    public TrackingRoutes(TrackingService tracking, ObjectMapper json) {
        this.tracking = tracking;
        this.json = json;
    }

    /** Server-to-server conversion: {"token": "...", "valueMicros": 0}. */
    public record Conversion(String token, Long valueMicros) {
    }

    void register(@Observes Router router) {
        // Ordered before the REST layer's catch-all route.
        // Ordered before Quarkus' HTTP filters (security, REST observability), not only before the REST layer's
        // catch-all route: a beacon is authenticated by its signed token, and those filters' per-request work
        // (the REST one builds a request mapper for every request) was a tenth of a beacon's cost.
        router.get("/t/imp").order(BEACON_ORDER).handler(ctx -> track(ctx, TrackingClaims.Kind.IMPRESSION, 0, t -> pixel(ctx)));
        router.get("/t/click").order(BEACON_ORDER).handler(ctx -> track(ctx, TrackingClaims.Kind.CLICK, 0, t -> redirectToLanding(ctx, t)));
        router.get("/t/conv").order(BEACON_ORDER).handler(this::conversionPixel);
        // A body over the limit is refused with 413 by the body handler before it is read whole.
        router.post("/t/conv").order(BEACON_ORDER).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::conversion);
    }

    private void conversionPixel(RoutingContext ctx) {
        long value;
        try {
            String raw = BeaconQuery.param(ctx.request().query(), "value");
            value = raw == null ? 0 : Long.parseLong(raw);
        } catch (IllegalArgumentException e) {
            tracking.reject("malformed");
            problem(ctx, 400, "Malformed conversion", "value must be a whole number of micros");
            return;
        }
        track(ctx, TrackingClaims.Kind.CONVERSION, value, t -> pixel(ctx));
    }

    /** A beacon's token from its query string ("t"); a malformed escape in it is a malformed token. */
    private void track(RoutingContext ctx, TrackingClaims.Kind kind, long value, Consumer<TrackingService.Tracked> ok) {
        String token;
        try {
            token = BeaconQuery.param(ctx.request().query(), "t");
        } catch (IllegalArgumentException e) {
            token = null;
        }
        track(ctx, token, kind, value, ok);
    }

    private void conversion(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            problem(ctx, 415, "Unsupported media type", "send the conversion as application/json");
            return;
        }
        Buffer raw = ctx.body().buffer();
        Conversion body = null;
        if (raw != null && raw.length() > 0) {
            try {
                body = json.readValue(raw.getBytes(), Conversion.class);
            } catch (java.io.IOException e) {
                body = null;
            }
        }
        if (body == null) {
            tracking.reject("malformed");
            problem(ctx, 400, "Malformed conversion", "body with token is required");
            return;
        }
        long value = body.valueMicros() == null ? 0 : body.valueMicros();
        track(ctx, body.token(), TrackingClaims.Kind.CONVERSION, value, t -> write(ctx, 202, "application/json",
                Map.of("eventId", t.eventId(), "decisionId", t.claims().decisionId())));
    }

    private void track(RoutingContext ctx, String token, TrackingClaims.Kind kind, long value, Consumer<TrackingService.Tracked> ok) {
        TrackingClaims claims;
        try {
            claims = tracking.verify(token, kind);
        } catch (TokenRejected e) {
            int status = switch (e.reason()) {
                case "expired" -> 410;
                case "bad_signature", "wrong_kind" -> 403;
                default -> 400;
            };
            problem(ctx, status, "Tracking token refused", e.getMessage());
            return;
        }
        if (value < 0) {
            tracking.reject("malformed");
            problem(ctx, 400, "Malformed conversion", "value must be >= 0");
            return;
        }
        tracking.record(claims, kind, value).whenComplete((tracked, error) -> {
            if (error == null) {
                ok.accept(tracked);
            } else {
                LOG.warnf("could not publish %s: %s", kind, error.getMessage());
                problem(ctx, 503, "Tracking temporarily unavailable", "the event was not stored; retry");
            }
        });
    }

    private void redirectToLanding(RoutingContext ctx, TrackingService.Tracked t) {
        String landing = t.claims().landingUrl();
        String cv = tracking.urls().conversionToken(t.claims(), System.currentTimeMillis());
        String sep = landing.contains("?") ? "&" : "?";
        ctx.response().setStatusCode(302).putHeader("Location", landing + sep + "surf_cv=" + cv).end();
    }

    private static void pixel(RoutingContext ctx) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "image/gif").putHeader("Cache-Control", "no-store").end(PIXEL);
    }

    private void problem(RoutingContext ctx, int status, String title, String detail) {
        write(ctx, status, Problems.TYPE, Problems.body(status, title, detail, List.of()));
    }

    private void write(RoutingContext ctx, int status, String type, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
