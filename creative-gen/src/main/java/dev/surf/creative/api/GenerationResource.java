package dev.surf.creative.api;

import dev.surf.creative.generation.CreativeGenerator;
import dev.surf.creative.generation.GeneratedVariant;
import dev.surf.creative.generation.GenerationJob;
import dev.surf.creative.generation.GenerationListener;
import dev.surf.creative.generation.GenerationOutcome;
import dev.surf.events.EventIds;
import dev.surf.events.v1.CreativeBrief;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Streams variants as they are generated, as Server-Sent Events: {@code progress} (queued /
 * generating variant i of n), {@code variant} (copy with its policy verdict and sampling), then
 * {@code done} (or {@code error}). Input is validated before the stream opens: a bad request is a
 * 400 problem+json, and 503 when no model is configured.
 */
@Path("/api/v1/generations")
public class GenerationResource {
    /** Generation blocks on the model: it runs here, off the event loop; the generator bounds concurrency. */
    private static final ExecutorService WORKERS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("generation-", 0).factory());

    private final CreativeGenerator generator;

    public GenerationResource(CreativeGenerator generator) {
        this.generator = generator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Generate ad copy variants from a brief, streamed as Server-Sent Events")
    public Multi<OutboundSseEvent> generate(GenerationRequest body, @Context Sse sse) {
        GenerationJob job = toJob(body);
        List<String> problems = generator.validate(job);
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "Invalid generation request", "the request has " + problems.size() + " problem(s)", problems);
        }
        if (!generator.available()) {
            throw new ProblemException(503, "No model", generator.unavailableReason(), List.of());
        }
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onTermination(() -> gone.set(true));
            WORKERS.submit(() -> run(job, sse, emitter, gone));
        });
    }

    private void run(GenerationJob job, Sse sse, MultiEmitter<? super OutboundSseEvent> emitter, AtomicBoolean gone) {
        try {
            GenerationOutcome outcome = generator.generate(job, new GenerationListener() {
                @Override
                public void progress(int index, int count, String phase) {
                    emitter.emit(event(sse, "progress", Map.of("index", index, "count", count, "phase", phase)));
                }

                @Override
                public void variant(GeneratedVariant v) {
                    emitter.emit(event(sse, "variant", VariantView.of(v)));
                }

                @Override
                public boolean cancelled() {
                    return gone.get();
                }
            });
            emitter.emit(event(sse, "done", Map.of("requestId", outcome.requestId(), "model", outcome.model(),
                    "accepted", outcome.accepted().size(), "rejected", outcome.rejected().size(), "totalMs", outcome.totalMs())));
            emitter.complete();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            emitter.emit(event(sse, "error", Map.of("title", "Generation failed", "detail", String.valueOf(e.getMessage()))));
            emitter.complete();
        }
    }

    private static OutboundSseEvent event(Sse sse, String name, Object data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build();
    }

    static GenerationJob toJob(GenerationRequest r) {
        if (r == null) {
            throw new ProblemException(400, "Invalid generation request", "a JSON body is required", List.of("body is required"));
        }
        GenerationRequest.Brief b = r.brief();
        CreativeBrief.Builder brief = CreativeBrief.newBuilder();
        if (b != null) {
            brief.setProduct(Objects.toString(b.product(), "")).setOffer(Objects.toString(b.offer(), ""))
                    .setAudience(Objects.toString(b.audience(), "")).setTone(Objects.toString(b.tone(), ""))
                    .setLanguage(Objects.toString(b.language(), ""))
                    .addAllMustSay(nonNull(b.mustSay())).addAllMustNotSay(nonNull(b.mustNotSay()));
        }
        return new GenerationJob(r.requestId() == null ? EventIds.random() : r.requestId(),
                r.advertiserId() == null ? 0 : r.advertiserId(), r.campaignId() == null ? 0 : r.campaignId(),
                brief.build(), r.count() == null ? 0 : r.count(), r.landingUrl(), nonNull(r.bannedTerms()),
                r.seed() == null ? 0 : r.seed());
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l.stream().map(s -> s == null ? "" : s).toList();
    }
}
