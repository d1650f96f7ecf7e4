package dev.surf.ad.experiment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.surf.ad.experiment.ExperimentService;
import dev.surf.ad.experiment.Page;
import dev.surf.ad.experiment.ProblemException;
import dev.surf.ad.experiment.results.ExperimentResults;
import dev.surf.ad.experiment.results.ResultsService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The experiments REST API for the A/B console (internal role only). Errors are problem+json. */
@Path("/api/v1/experiments")
@RolesAllowed("internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExperimentResource {
    private final ExperimentService service;
    private final ResultsService results;
    private final SecurityIdentity identity;

    public ExperimentResource(ExperimentService service, ResultsService results, SecurityIdentity identity) {
        this.service = service;
        this.results = results;
        this.identity = identity;
    }

    @POST
    public Response create(ExperimentRequest body, @jakarta.ws.rs.core.Context UriInfo uri) {
        var created = ExperimentView.of(service.create(RequestMapper.toDraft(body)));
        return Response.created(URI.create(uri.getPath() + "/" + created.id())).entity(created).build();
    }

    @GET
    public Page<ExperimentView> list(@QueryParam("page") String page, @QueryParam("size") String size,
                                     @QueryParam("status") String status) {
        Page<dev.surf.ad.experiment.Experiment> p = service.list(RequestMapper.status(status),
                RequestMapper.intParam(page, "page", 0, 0, 1_000_000), RequestMapper.intParam(size, "size", 20, 1, 100));
        return new Page<>(p.items().stream().map(ExperimentView::of).toList(), p.page(), p.size(), p.totalItems(), p.totalPages());
    }

    @GET
    @Path("{id}")
    public ExperimentView get(@PathParam("id") String id) {
        return ExperimentView.of(service.get(RequestMapper.id(id)));
    }

    @PUT
    @Path("{id}")
    public ExperimentView update(@PathParam("id") String id, ExperimentRequest body) {
        return ExperimentView.of(service.update(RequestMapper.id(id), RequestMapper.toDraft(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(RequestMapper.id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/start")
    public ExperimentView start(@PathParam("id") String id) {
        return ExperimentView.of(service.start(RequestMapper.id(id)));
    }

    @POST
    @Path("{id}/stop")
    public ExperimentView stop(@PathParam("id") String id) {
        return ExperimentView.of(service.stop(RequestMapper.id(id)));
    }

    @POST
    @Path("{id}/decisions")
    public ExperimentView decide(@PathParam("id") String id, DecisionRequest body) {
        long experimentId = RequestMapper.id(id);
        var decision = RequestMapper.decision(body);
        return ExperimentView.of(service.decide(experimentId, decision, body.variantKey(), body.reason(),
                identity.getPrincipal().getName()));
    }

    @GET
    @Path("{id}/results")
    public ExperimentResults results(@PathParam("id") String id) {
        return results.results(RequestMapper.id(id));
    }

    // --- problem+json for everything this resource can fail with ---

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Bad Request", "the body is not valid JSON of the expected shape", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return problem(401, "Unauthorized", "authentication is required", uri, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "the experiments API needs the internal role", uri, List.of());
    }

    private static Response problem(int status, String title, String detail, UriInfo uri,
                                    List<ProblemException.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri.getPath(), errors)).build();
    }
}
