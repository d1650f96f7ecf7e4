package dev.surf.ranking.api;

import dev.surf.ranking.registry.InvalidModelException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the REST API as application/problem+json; unexpected ones are logged and answered 500 without internals. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(ProblemException e, @Context UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response invalidModel(InvalidModelException e, @Context UriInfo uri) {
        return respond(422, "Invalid model", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, @Context UriInfo uri) {
        int status = e.getResponse().getStatus();
        return respond(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, @Context UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return respond(500, "Internal error", "the request failed unexpectedly; see the service log", uri);
    }

    private static Response respond(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("about:blank", title, status, detail, uri.getPath())).build();
    }
}
