package dev.surf.ranking.training;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Starts a training run on the current signal log; the result is a registered candidate version. */
@Path("/api/v1/models/train")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {
    private final TrainingService training;

    public TrainingResource(TrainingService training) {
        this.training = training;
    }

    @POST
    public Response train() {
        TrainingService.Report r = training.trainAndRegister();
        return Response.created(URI.create("/api/v1/models/" + r.version().version())).entity(r).build();
    }
}
