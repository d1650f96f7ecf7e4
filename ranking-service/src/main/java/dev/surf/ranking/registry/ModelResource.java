package dev.surf.ranking.registry;

import dev.surf.ranking.api.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Model registry: list, upload an ONNX file (validated against the model contract), promote, roll back. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    private final RegistryService registry;

    public ModelResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    public List<ModelVersionInfo> list() {
        return registry.list();
    }

    @GET
    @Path("/live")
    public ModelVersionInfo live() {
        return registry.live().orElseThrow(() -> new ProblemException(404, "Not found", "no version is live"));
    }

    @GET
    @Path("/{version}")
    public ModelVersionInfo get(@PathParam("version") long version) {
        return registry.find(version).orElseThrow(() -> notFound(version));
    }

    /** Body: the ONNX file's bytes. Stored as a candidate; 422 when it breaks the model contract. */
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response upload(byte[] onnx) {
        ModelVersionInfo v = registry.register(onnx, Map.of(), "upload");
        return Response.created(URI.create("/api/v1/models/" + v.version())).entity(v).build();
    }

    @POST
    @Path("/{version}/promote")
    public ModelVersionInfo promote(@PathParam("version") long version) {
        return registry.promote(version).orElseThrow(() -> notFound(version));
    }

    /** Makes the previously live version live again in one call. */
    @POST
    @Path("/rollback")
    public ModelVersionInfo rollback() {
        return registry.rollback().orElseThrow(() -> new ProblemException(409, "Nothing to roll back to",
                "there is no earlier live version of " + registry.modelName()));
    }

    private ProblemException notFound(long version) {
        return new ProblemException(404, "Not found", "model " + registry.modelName() + " has no version " + version);
    }
}
