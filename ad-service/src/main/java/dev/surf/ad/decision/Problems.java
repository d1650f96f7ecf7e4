package dev.surf.ad.decision;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem+json responses for the public decision, OpenRTB and tracking endpoints. */
public final class Problems {
    public static final String TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(int status, String title, String detail) {
        return of(status, title, detail, List.of());
    }

    public static Response of(int status, String title, String detail, List<String> errors) {
        return Response.status(status).type(TYPE).entity(body(status, title, detail, errors)).build();
    }

    /** The problem document itself, for handlers that write their own response. */
    public static Map<String, Object> body(int status, String title, String detail, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }
}
