package dev.surf.ranking.scoring;

import dev.surf.ranking.v1.CandidateScore;
import dev.surf.ranking.v1.Ranker;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.ScoreResponse;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.RejectedExecutionException;

/** gRPC Ranker.Score: validate, build features, score through the micro-batcher. */
@GrpcService
public class RankerService implements Ranker {
    private final ScoreRequestValidator validator;
    private final ScoreFeatureBuilder features;
    private final MicroBatcher batcher;
    private final MeterRegistry meters;

    public RankerService(ScoreRequestValidator validator, ScoreFeatureBuilder features, MicroBatcher batcher,
                         MeterRegistry meters) {
        this.validator = validator;
        this.features = features;
        this.batcher = batcher;
        this.meters = meters;
    }

    @Override
    public Uni<ScoreResponse> score(ScoreRequest request) {
        long start = System.nanoTime();
        long version;
        try {
            validator.validate(request);
            version = modelVersion(request.getModelVersion());
        } catch (IllegalArgumentException e) {
            outcome("invalid");
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
        EncodedRows rows = features.build(request);
        return Uni.createFrom().completionStage(() -> batcher.submit(rows, version))
                .map(s -> {
                    outcome("ok");
                    return response(request, s).setServerMicros((System.nanoTime() - start) / 1_000).build();
                })
                .onFailure().transform(e -> {
                    if (e instanceof UnknownModelVersionException) {
                        outcome("unknown_version");
                        return Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
                    }
                    if (e instanceof RejectedExecutionException) {
                        outcome("overloaded");
                        return Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException();
                    }
                    outcome("error");
                    return Status.INTERNAL.withDescription("scoring failed: " + e.getMessage()).asRuntimeException();
                });
    }

    /** One score per candidate, in request order, and the model that gave them. */
    public static ScoreResponse.Builder response(ScoreRequest request, MicroBatcher.Scores s) {
        ScoreResponse.Builder out = ScoreResponse.newBuilder().setModelName(s.modelName()).setModelVersion(Long.toString(s.modelVersion()));
        CandidateScore.Builder row = CandidateScore.newBuilder(); // every field is set for each row
        for (int i = 0; i < s.ctr().length; i++) {
            var c = request.getCandidates(i);
            out.addScores(row.setCampaignId(c.getCampaignId()).setCreativeId(c.getCreativeId()).setPCtr(s.ctr()[i]).setPCvr(s.cvr()[i])
                    .build());
        }
        return out;
    }

    /** Empty = the live model; otherwise a registry version number (an A/B test's candidate model). */
    private static long modelVersion(String requested) {
        if (requested.isEmpty()) {
            return ModelSource.LIVE;
        }
        try {
            long v = Long.parseLong(requested);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("model_version must be empty (the live model) or a registry version number, got '"
                + (requested.length() > 40 ? requested.substring(0, 40) + "..." : requested) + "'");
    }

    private void outcome(String outcome) {
        meters.counter("surf_ranking_requests_total", "outcome", outcome).increment();
    }
}
