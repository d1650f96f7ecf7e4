package dev.surf.ad.creative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.campaign.Campaign;
import dev.surf.ad.campaign.CampaignService;
import dev.surf.ad.campaign.CampaignStatus;
import dev.surf.ad.web.Created;
import dev.surf.ad.web.Idempotency;
import dev.surf.ad.web.JsonBodies;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import dev.surf.ad.web.ProblemException;
import dev.surf.ad.web.studio.StudioBrief;
import dev.surf.events.v1.CreativeBrief;
import dev.surf.events.v1.CreativeRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Background generation: the request row and its publication on surf.creative.requests.v1 happen in
 * one transaction (the row is flushed first, then the broker must acknowledge, then commit), so a
 * request that could not be queued leaves no row and no Idempotency-Key behind (503). Outcomes come
 * back through {@link GeneratedDraftConsumer} and {@link GenerationDeadLetterConsumer}.
 */
@ApplicationScoped
public class GenerationRequestService {
    public static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "id", "createdAt");
    private final GenerationRequestRepository requests;
    private final GenerationRequestPublisher publisher;
    private final CampaignService campaigns;
    private final CurrentAdvertiser caller;
    private final Idempotency idempotency;
    private final JsonBodies json;
    private final ObjectMapper mapper;

    public GenerationRequestService(GenerationRequestRepository requests, GenerationRequestPublisher publisher,
            CampaignService campaigns, CurrentAdvertiser caller, Idempotency idempotency, JsonBodies json, ObjectMapper mapper) {
        this.requests = requests;
        this.publisher = publisher;
        this.campaigns = campaigns;
        this.caller = caller;
        this.idempotency = idempotency;
        this.json = json;
        this.mapper = mapper;
    }

    @Transactional
    public Created create(long campaignId, StudioBrief brief, String idempotencyKey) {
        long advertiser = caller.id();
        Campaign campaign = campaigns.owned(campaignId);
        StudioBrief.validate(brief);
        if (campaign.status == CampaignStatus.ARCHIVED) {
            throw ProblemException.conflict("campaign " + campaign.id + " is archived");
        }
        return idempotency.run("advertiser:" + advertiser, idempotencyKey,
                "POST campaigns/" + campaignId + "/creative-requests", brief, () -> {
                    GenerationRequest r = new GenerationRequest();
                    r.id = UUID.randomUUID();
                    r.advertiserId = advertiser;
                    r.campaignId = campaign.id;
                    r.brief = json.write(brief);
                    r.variantCount = brief.count();
                    r.landingUrl = brief.landingUrl().strip();
                    requests.persistAndFlush(r);
                    publisher.publish(message(r, brief));
                    return new Idempotency.Result(views(List.of(r)).getFirst(), location(r), null, 202);
                });
    }

    @Transactional
    public GenerationRequestView get(long campaignId, String id) {
        UUID uuid = parse(id);
        return views(List.of(requests.findOwned(caller.id(), campaigns.owned(campaignId).id, uuid)
                .orElseThrow(() -> ProblemException.notFound("creative request", uuid)))).getFirst();
    }

    @Transactional
    public Page<GenerationRequestView> list(long campaignId, PageRequest req) {
        long campaign = campaigns.owned(campaignId).id;
        var query = requests.find("advertiserId = ?1 and campaignId = ?2", req.sort(), caller.id(), campaign);
        long total = query.count();
        return Page.of(views(query.page(req.page(), req.size()).list()), req, total);
    }

    static String location(GenerationRequest r) {
        return "/api/v1/campaigns/" + r.campaignId + "/creative-requests/" + r.id;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(Objects.requireNonNull(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            String shown = String.valueOf(id);
            throw ProblemException.notFound("creative request", shown.length() > 64 ? shown.substring(0, 64) + "…" : shown);
        }
    }

    private static CreativeRequest message(GenerationRequest r, StudioBrief b) {
        CreativeBrief.Builder brief = CreativeBrief.newBuilder().setProduct(b.product().strip())
                .setOffer(Objects.requireNonNullElse(b.offer(), "")).setAudience(Objects.requireNonNullElse(b.audience(), ""))
                .setTone(Objects.requireNonNullElse(b.tone(), "")).setLanguage(Objects.requireNonNullElse(b.language(), ""))
                .addAllMustSay(b.mustSay() == null ? List.of() : b.mustSay())
                .addAllMustNotSay(b.mustNotSay() == null ? List.of() : b.mustNotSay());
        return CreativeRequest.newBuilder().setRequestId(r.id.toString()).setTimeMs(r.createdAt.toEpochMilli())
                .setAdvertiserId(r.advertiserId).setCampaignId(r.campaignId).setBrief(brief).setCount(r.variantCount)
                .setLandingUrl(r.landingUrl).setSeed(b.seed() == null ? 0 : b.seed()).build();
    }

    /** Views of a page of requests: their outcomes and drafts in two queries, not two per request. */
    private List<GenerationRequestView> views(List<GenerationRequest> page) {
        List<UUID> ids = page.stream().map(r -> r.id).toList();
        var outcomes = requests.outcomes(ids);
        var drafts = requests.draftIds(caller.id(), ids);
        return page.stream().map(r -> view(r, outcomes.get(r.id.toString()), drafts.getOrDefault(r.id.toString(), List.of())))
                .toList();
    }

    private GenerationRequestView view(GenerationRequest r, GenerationRequestRepository.Outcome o, List<Long> drafts) {
        JsonNode brief = readTree(r.brief);
        if (o == null) {
            return new GenerationRequestView(r.id.toString(), r.campaignId, GenerationRequestStatus.QUEUED, r.variantCount,
                    r.landingUrl, brief, r.createdAt, null, null, null, null, null, null, null);
        }
        boolean completed = o.status() == GenerationRequestStatus.COMPLETED;
        return new GenerationRequestView(r.id.toString(), r.campaignId, o.status(), r.variantCount, r.landingUrl, brief,
                r.createdAt, o.finishedAt(), o.model(), completed ? drafts.size() : null, completed ? drafts : null,
                completed ? o.rejected() : null, o.reason(), o.attempts());
    }

    private JsonNode readTree(String s) {
        try {
            return mapper.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException("stored brief is not JSON", e);
        }
    }
}
