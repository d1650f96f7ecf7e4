package dev.surf.ad.creative;

import dev.surf.ad.web.TenantFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.audit.AuditTrail;
import dev.surf.ad.campaign.AdSet;
import dev.surf.ad.campaign.AdSetService;
import dev.surf.ad.campaign.AdSetStatus;
import dev.surf.ad.campaign.Campaign;
import dev.surf.ad.campaign.CampaignService;
import dev.surf.ad.campaign.CampaignStatus;
import dev.surf.ad.campaign.EntityChanged;
import dev.surf.ad.web.Created;
import dev.surf.ad.web.Etags;
import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.Idempotency;
import dev.surf.ad.web.JsonBodies;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import dev.surf.ad.web.ProblemException;
import dev.surf.ad.web.Validation;
import dev.surf.events.CreativeRules;
import dev.surf.events.v1.ChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Creative use cases, scoped to the calling advertiser; review (approve/reject) is internal. */
@ApplicationScoped
public class CreativeService {
    public static final Map<String, String> SORTABLE = Map.of("id", "id", "createdAt", "createdAt",
            "updatedAt", "updatedAt", "headline", "headline");
    private static final int MAX_GENERATOR_JSON = 8192;
    private final CreativeRepository creatives;
    private final CampaignService campaigns;
    private final AdSetService adSets;
    private final CurrentAdvertiser caller;
    private final Validation validation;
    private final Idempotency idempotency;
    private final JsonBodies json;
    private final AuditTrail audit;
    private final Event<EntityChanged> changes;

    public CreativeService(CreativeRepository creatives, CampaignService campaigns, AdSetService adSets,
            CurrentAdvertiser caller, Validation validation, Idempotency idempotency, JsonBodies json,
            AuditTrail audit, Event<EntityChanged> changes) {
        this.creatives = creatives;
        this.campaigns = campaigns;
        this.adSets = adSets;
        this.caller = caller;
        this.validation = validation;
        this.idempotency = idempotency;
        this.json = json;
        this.audit = audit;
        this.changes = changes;
    }

    @Transactional
    public Created create(CreativeInput input, String idempotencyKey) {
        long advertiser = caller.id();
        check(input);
        Campaign campaign = campaigns.owned(input.campaignId());
        if (campaign.status == CampaignStatus.ARCHIVED) {
            throw ProblemException.conflict("campaign " + campaign.id + " is archived");
        }
        checkAdSet(input, campaign.id);
        return idempotency.run("advertiser:" + advertiser, idempotencyKey, "POST creatives", input, () -> {
            Creative c = new Creative();
            c.advertiserId = advertiser;
            c.campaignId = campaign.id;
            apply(c, input);
            creatives.persistAndFlush(c);
            CreativeView view = view(c);
            audit.record(advertiser, "creative", c.id, "create", null, view);
            changes.fire(new EntityChanged(advertiser, c.campaignId, "creative", c.id, ChangeKind.CREATED, c.version));
            return new Idempotency.Result(view, "/api/v1/creatives/" + c.id, Etags.of(c.version));
        });
    }

    @Transactional
    public CreativeView get(long id) {
        return view(owned(id));
    }

    @Transactional
    public Page<CreativeView> list(Long campaignId, Long adSetId, CreativeStatus status, PageRequest req) {
        TenantFilter f = TenantFilter.of(caller.id()).eq("campaignId", campaignId).eq("adSetId", adSetId).eq("status", status);
        var query = creatives.find(f.query(), req.sort(), f.params());
        long total = query.count();
        return Page.of(query.page(req.page(), req.size()).stream().map(this::view).toList(), req, total);
    }

    /** A content change of a reviewed creative sends it back to review. */
    @Transactional
    public CreativeView patch(long id, String body, String ifMatch) {
        ObjectNode patch = json.parsePatch(body);
        Long bodyVersion = json.takeVersion(patch);
        Creative c = owned(id);
        Etags.check(Etags.require(ifMatch, bodyVersion), c.version);
        if (c.status == CreativeStatus.ARCHIVED) {
            throw ProblemException.conflict("creative " + id + " is archived and can no longer change");
        }
        CreativeView before = view(c);
        CreativeInput merged = json.merge(toInput(c), patch, CreativeInput.class);
        check(merged);
        if (merged.campaignId() != c.campaignId) {
            throw ProblemException.invalid("campaignId", "a creative cannot move to another campaign");
        }
        checkAdSet(merged, c.campaignId);
        apply(c, merged);
        if (c.status != CreativeStatus.DRAFT) {
            c.status = CreativeStatus.PENDING_REVIEW;
        }
        creatives.flush();
        CreativeView after = view(c);
        audit.record(c.advertiserId, "creative", c.id, "update", before, after);
        changes.fire(new EntityChanged(c.advertiserId, c.campaignId, "creative", c.id, ChangeKind.UPDATED, c.version));
        return after;
    }

    public enum Action {
        SUBMIT(CreativeStatus.PENDING_REVIEW, Set.of(CreativeStatus.DRAFT, CreativeStatus.REJECTED)),
        PAUSE(CreativeStatus.PAUSED, Set.of(CreativeStatus.APPROVED)),
        RESUME(CreativeStatus.APPROVED, Set.of(CreativeStatus.PAUSED)),
        ARCHIVE(CreativeStatus.ARCHIVED, Set.of(CreativeStatus.values())),
        APPROVE(CreativeStatus.APPROVED, Set.of(CreativeStatus.PENDING_REVIEW)),
        REJECT(CreativeStatus.REJECTED, Set.of(CreativeStatus.PENDING_REVIEW));

        final CreativeStatus target;
        final Set<CreativeStatus> from;

        Action(CreativeStatus target, Set<CreativeStatus> from) {
            this.target = target;
            this.from = from;
        }
    }

    /** An advertiser's own status change (submit, pause, resume, archive). */
    @Transactional
    public CreativeView transition(long id, Action action, String ifMatch) {
        return move(owned(id), action, ifMatch);
    }

    /** Review by the internal role: any advertiser's creative. */
    @Transactional
    public CreativeView review(long id, Action action, String ifMatch) {
        Creative c = creatives.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("creative", id));
        return move(c, action, ifMatch);
    }

    private CreativeView move(Creative c, Action action, String ifMatch) {
        Etags.check(Etags.expectedVersion(ifMatch), c.version);
        if (c.status == action.target) {
            return view(c);
        }
        if (!action.from.contains(c.status) || c.status == CreativeStatus.ARCHIVED) {
            throw ProblemException.conflict("cannot " + action.name().toLowerCase(Locale.ROOT) + " a creative that is " + c.status);
        }
        CreativeView before = view(c);
        c.status = action.target;
        creatives.flush();
        CreativeView after = view(c);
        audit.record(c.advertiserId, "creative", c.id, action.name().toLowerCase(Locale.ROOT), before, after);
        changes.fire(new EntityChanged(c.advertiserId, c.campaignId, "creative", c.id,
                action == Action.ARCHIVE ? ChangeKind.DELETED : ChangeKind.STATUS_CHANGED, c.version));
        return after;
    }

    Creative owned(long id) {
        return creatives.findOwned(caller.id(), id).orElseThrow(() -> ProblemException.notFound("creative", id));
    }

    private void checkAdSet(CreativeInput in, long campaignId) {
        if (in.adSetId() == null) {
            return;
        }
        AdSet a = adSets.owned(in.adSetId());
        if (a.campaignId != campaignId) {
            throw ProblemException.invalid("adSetId", "the ad set belongs to another campaign");
        }
        if (a.status == AdSetStatus.ARCHIVED) {
            throw ProblemException.invalid("adSetId", "the ad set is archived");
        }
    }

    private void check(CreativeInput in) {
        validation.check(in);
        List<FieldError> errors = new ArrayList<>();
        if (!CreativeRules.CALLS_TO_ACTION.contains(in.callToAction())) {
            errors.add(new FieldError("callToAction", "must be one of " + CreativeRules.CALLS_TO_ACTION));
        }
        if (!isHttpsUrl(in.landingUrl())) {
            errors.add(new FieldError("landingUrl", "must be an absolute https:// URL"));
        }
        if (in.imageUrl() != null && !isHttpsUrl(in.imageUrl())) {
            errors.add(new FieldError("imageUrl", "must be an absolute https:// URL"));
        }
        boolean generated = in.source() == CreativeSource.GENERATED;
        if (!generated && (in.generator() != null || in.generationRequest() != null || in.variantIndex() != null)) {
            errors.add(new FieldError("generator", "generator, generationRequest and variantIndex are for GENERATED creatives"));
        }
        if (in.generator() != null && json.write(in.generator()).length() > MAX_GENERATOR_JSON) {
            errors.add(new FieldError("generator", "must be at most " + MAX_GENERATOR_JSON + " characters of JSON"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    static boolean isHttpsUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI u = new URI(url);
            return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && !u.getHost().isBlank()
                    && url.startsWith("https://");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void apply(Creative c, CreativeInput in) {
        c.adSetId = in.adSetId();
        c.headline = in.headline().strip();
        c.primaryText = in.primaryText().strip();
        c.description = in.description() == null ? "" : in.description().strip();
        c.callToAction = in.callToAction();
        c.landingUrl = in.landingUrl();
        c.imageUrl = in.imageUrl();
        c.source = in.source() == null ? CreativeSource.HUMAN : in.source();
        c.generator = in.generator() == null ? null : json.write(in.generator());
        c.generationRequest = in.generationRequest();
        c.variantIndex = in.variantIndex();
    }

    private CreativeInput toInput(Creative c) {
        return new CreativeInput(c.campaignId, c.adSetId, c.headline, c.primaryText, c.description, c.callToAction,
                c.landingUrl, c.imageUrl, c.source, generatorMap(c.generator), c.generationRequest, c.variantIndex);
    }

    private Map<String, Object> generatorMap(String generator) {
        if (generator == null) {
            return null;
        }
        try {
            return json.mapper().readValue(generator, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    CreativeView view(Creative c) {
        JsonNode generator = null;
        if (c.generator != null) {
            try {
                generator = json.mapper().readTree(c.generator);
            } catch (JsonProcessingException e) {
                generator = null;
            }
        }
        return new CreativeView(c.id, c.advertiserId, c.campaignId, c.adSetId, c.headline, c.primaryText,
                c.description, c.callToAction, c.landingUrl, c.imageUrl, c.status, c.source, generator,
                c.generationRequest, c.variantIndex, List.of(c.policyReasons), c.createdAt, c.updatedAt, c.version);
    }
}
