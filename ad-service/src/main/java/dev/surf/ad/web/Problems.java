package dev.surf.ad.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Writes problems as {@code application/problem+json}, whatever the request asked to accept. */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Response response(Problem problem) {
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"Problem\",\"status\":" + problem.status() + "}";
        }
        Response.ResponseBuilder r = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body);
        if (problem.status() == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"surf\"");
        }
        return r.build();
    }
}
