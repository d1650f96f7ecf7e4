package dev.surf.ad.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 200 responses of single objects carry their version as ETag. */
public final class Responses {
    private Responses() {
    }

    public static Response ok(Object view, long version) {
        return Response.ok(view, MediaType.APPLICATION_JSON).header("ETag", Etags.of(version)).build();
    }
}
