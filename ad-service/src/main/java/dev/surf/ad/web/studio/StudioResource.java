package dev.surf.ad.web.studio;

import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.account.Roles;
import dev.surf.ad.web.Ids;
import dev.surf.ad.web.ProblemException;
import dev.surf.ad.web.performance.PerformanceRepository;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The creative studio's generation stream: checks the brief and that the campaign is the caller's,
 * then relays creative-gen's events (progress, variant, done, error) to the browser as they come.
 * A "start" event first carries the request id; the portal stores the variants the advertiser
 * chooses through the creatives API (source GENERATED, generationRequest = that id, variantIndex).
 */
@Path("/api/v1/campaigns/{campaignId}/studio/generations")
@RolesAllowed(Roles.ADVERTISER)
@Tag(name = "Creative studio")
@SecurityRequirement(name = "apiKey")
public class StudioResource {
    private static final ExecutorService RELAYS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("studio-relay-", 0).factory());

    private final CreativeGenClient creativeGen;
    private final CurrentAdvertiser caller;
    private final PerformanceRepository campaigns;

    public StudioResource(CreativeGenClient creativeGen, CurrentAdvertiser caller, PerformanceRepository campaigns) {
        this.creativeGen = creativeGen;
        this.caller = caller;
        this.campaigns = campaigns;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Generate ad copy variants for a campaign, streamed as Server-Sent Events",
            description = "Events: start {requestId}, progress {index, count, phase}, variant {index, headline, primaryText, "
                    + "description, callToAction, policy {passed, reasons}, sampling, tokens, generationMs}, done, error. "
                    + "A bad brief is a 422 and an unreachable generator a 503, both before the stream opens.")
    public Multi<OutboundSseEvent> generate(@PathParam("campaignId") String campaignId, StudioBrief brief, @Context Sse sse) {
        long id = Ids.parse("campaign", campaignId);
        long advertiserId = caller.id();
        checkOwned(advertiserId, id);
        StudioBrief.validate(brief);
        String requestId = "studio-" + UUID.randomUUID();
        Map<String, Object> request = new HashMap<>();
        request.put("requestId", requestId);
        request.put("advertiserId", advertiserId);
        request.put("campaignId", id);
        request.put("count", brief.count());
        request.put("landingUrl", brief.landingUrl().strip());
        request.put("seed", brief.seed());
        Map<String, Object> b = new HashMap<>();
        b.put("product", brief.product());
        b.put("offer", brief.offer());
        b.put("audience", brief.audience());
        b.put("tone", brief.tone());
        b.put("language", brief.language());
        b.put("mustSay", brief.mustSay() == null ? List.of() : brief.mustSay());
        b.put("mustNotSay", brief.mustNotSay() == null ? List.of() : brief.mustNotSay());
        request.put("brief", b);
        CreativeGenClient.Stream upstream = creativeGen.open(request);
        return Multi.createFrom().emitter(emitter -> {
            emitter.onTermination(upstream::close);
            RELAYS.submit(() -> {
                try (upstream) {
                    emitter.emit(event(sse, "start", "{\"requestId\":\"" + requestId + "\"}"));
                    for (CreativeGenClient.Event e; (e = upstream.next()) != null; ) {
                        emitter.emit(event(sse, e.name(), e.data()));
                    }
                    emitter.complete();
                } catch (IOException e) {
                    emitter.emit(event(sse, "error", "{\"title\":\"Generation interrupted\",\"detail\":\"the generator stream broke off\"}"));
                    emitter.complete();
                }
            });
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void checkOwned(long advertiserId, long campaignId) {
        if (campaigns.campaignTimeZone(advertiserId, campaignId).isEmpty()) {
            throw ProblemException.notFound("campaign", campaignId);
        }
    }

    private static OutboundSseEvent event(Sse sse, String name, String data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, data).build();
    }
}
