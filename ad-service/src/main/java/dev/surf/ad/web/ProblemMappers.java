package dev.surf.ad.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as an RFC 9457 problem; anything unexpected is logged and still answered as one. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(JsonErrors.problem(e), uri);
    }

    // Quarkus ships its own mappers for these subtypes; the most specific mapper wins, so name them all.
    @ServerExceptionMapper
    public Response unknownField(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mapping(com.fasterxml.jackson.databind.JsonMappingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response parse(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response streamRead(com.fasterxml.jackson.core.exc.StreamReadException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return respond(Validation.problem(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(unauthorized(), uri);
    }

    @ServerExceptionMapper
    public Response unauthorizedException(UnauthorizedException e, UriInfo uri) {
        return respond(unauthorized(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "this API key's role may not call this operation", List.of()), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        int status = e.getResponse() == null ? 400 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource: " + JsonErrors.clip(uri.getPath());
            case 405 -> "method not allowed on " + JsonErrors.clip(uri.getPath());
            case 415 -> "unsupported content type; send application/json";
            case 406 -> "cannot produce the requested media type; accept application/json";
            default -> JsonErrors.clip(String.valueOf(e.getMessage()));
        };
        Response r = respond(Problem.of(status, slug(title), title, detail, List.of()), uri);
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(Problem.of(412, "stale-version", "Precondition failed",
                        "the object was changed concurrently; GET it again and reapply your change", List.of()), uri);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                LOG.warnf("database constraint %s rejected a write", c.getConstraintName());
                return respond(Problem.of(409, "constraint", "Conflict",
                        "the change violates a data constraint (" + c.getConstraintName() + ")", List.of()), uri);
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                // PostgreSQL data exceptions (e.g. a NUL character in text): the input, not the server, is wrong.
                return respond(Problem.of(400, "unstorable-value", "Invalid value",
                        "a value in the request cannot be stored (for example it contains a NUL character)", List.of()), uri);
            }
            if (t instanceof ProblemException p) {
                return respond(p.problem(), uri);
            }
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of(500, "internal", "Internal error",
                "an unexpected error occurred; it has been logged", List.of()), uri);
    }

    private static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "send a valid, unrevoked API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'", List.of());
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static Response respond(Problem p, UriInfo uri) {
        return Problems.response(p.withInstance(uri == null ? null : uri.getPath()));
    }
}
