package dev.surf.ad.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The stored form of a create's response, replayed verbatim for a repeated Idempotency-Key. */
public record Created(int status, String json, String location, String etag, boolean replayed) {
    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON).entity(json);
        if (location != null) {
            r.location(URI.create(location));
        }
        if (etag != null) {
            r.header("ETag", etag);
        }
        if (replayed) {
            r.header("Idempotent-Replayed", "true");
        }
        return r.build();
    }
}
