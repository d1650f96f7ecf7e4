package dev.surf.creative.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every client error leaves as problem+json, never as a bare 500. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problem.response(400, "Malformed JSON", e.getOriginalMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return Problem.response(status, "Server error", "the request could not be completed", List.of());
        }
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), List.of());
    }
}
