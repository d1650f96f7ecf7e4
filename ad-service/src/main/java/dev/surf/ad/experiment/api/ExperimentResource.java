package dev.surf.ad.experiment.api;

import dev.surf.ad.experiment.ExperimentService;
import dev.surf.ad.experiment.Page;
import dev.surf.ad.experiment.results.ExperimentResults;
import dev.surf.ad.experiment.results.ResultsService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** The experiments REST API for the A/B console (internal role only). Errors are problem+json. */
@Path("/api/v1/experiments")
@RolesAllowed("internal")
@Produces(MediaType.APPLICATION_JSON)
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
    @Consumes(MediaType.APPLICATION_JSON)
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
    @Consumes(MediaType.APPLICATION_JSON)
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
    @Consumes(MediaType.APPLICATION_JSON)
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
}
