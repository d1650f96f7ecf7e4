package dev.surf.ad.campaign;

import dev.surf.ad.web.TenantFilter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.audit.AuditTrail;
import dev.surf.ad.web.Created;
import dev.surf.ad.web.Etags;
import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.Idempotency;
import dev.surf.ad.web.JsonBodies;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import dev.surf.ad.web.ProblemException;
import dev.surf.ad.web.Validation;
import dev.surf.events.v1.ChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Ad set use cases, scoped to the calling advertiser like campaigns. */
@ApplicationScoped
public class AdSetService {
    public static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "createdAt", "createdAt",
            "updatedAt", "updatedAt");
    private final AdSetRepository adSets;
    private final CampaignService campaigns;
    private final CurrentAdvertiser caller;
    private final Validation validation;
    private final Idempotency idempotency;
    private final JsonBodies json;
    private final AuditTrail audit;
    private final Event<EntityChanged> changes;

    public AdSetService(AdSetRepository adSets, CampaignService campaigns, CurrentAdvertiser caller,
            Validation validation, Idempotency idempotency, JsonBodies json, AuditTrail audit,
            Event<EntityChanged> changes) {
        this.adSets = adSets;
        this.campaigns = campaigns;
        this.caller = caller;
        this.validation = validation;
        this.idempotency = idempotency;
        this.json = json;
        this.audit = audit;
        this.changes = changes;
    }

    @Transactional
    public Created create(AdSetInput input, String idempotencyKey) {
        long advertiser = caller.id();
        check(input);
        Campaign campaign = campaigns.owned(input.campaignId());
        if (campaign.status == CampaignStatus.ARCHIVED) {
            throw ProblemException.conflict("campaign " + campaign.id + " is archived");
        }
        return idempotency.run("advertiser:" + advertiser, idempotencyKey, "POST ad-sets", input, () -> {
            AdSet a = new AdSet();
            a.advertiserId = advertiser;
            a.campaignId = campaign.id;
            a.apply(input);
            adSets.persistAndFlush(a);
            AdSetView view = AdSetView.of(a);
            audit.record(advertiser, "ad_set", a.id, "create", null, view);
            changes.fire(new EntityChanged(advertiser, a.campaignId, "ad_set", a.id, ChangeKind.CREATED, a.version));
            return new Idempotency.Result(view, "/api/v1/ad-sets/" + a.id, Etags.of(a.version));
        });
    }

    @Transactional
    public AdSetView get(long id) {
        return AdSetView.of(owned(id));
    }

    @Transactional
    public Page<AdSetView> list(Long campaignId, AdSetStatus status, PageRequest req) {
        TenantFilter f = TenantFilter.of(caller.id()).eq("campaignId", campaignId).eq("status", status);
        var query = adSets.find(f.query(), req.sort(), f.params());
        long total = query.count();
        return Page.of(query.page(req.page(), req.size()).stream().map(AdSetView::of).toList(), req, total);
    }

    @Transactional
    public AdSetView patch(long id, String body, String ifMatch) {
        ObjectNode patch = json.parsePatch(body);
        Long bodyVersion = json.takeVersion(patch);
        AdSet a = owned(id);
        Etags.check(Etags.require(ifMatch, bodyVersion), a.version);
        if (a.status == AdSetStatus.ARCHIVED) {
            throw ProblemException.conflict("ad set " + id + " is archived and can no longer change");
        }
        AdSetView before = AdSetView.of(a);
        AdSetInput merged = json.merge(a.toInput(), patch, AdSetInput.class);
        check(merged);
        if (merged.campaignId() != a.campaignId) {
            throw ProblemException.invalid("campaignId", "an ad set cannot move to another campaign");
        }
        a.apply(merged);
        adSets.flush();
        AdSetView after = AdSetView.of(a);
        audit.record(a.advertiserId, "ad_set", a.id, "update", before, after);
        changes.fire(new EntityChanged(a.advertiserId, a.campaignId, "ad_set", a.id, ChangeKind.UPDATED, a.version));
        return after;
    }

    @Transactional
    public AdSetView transition(long id, AdSetStatus target, String ifMatch) {
        AdSet a = owned(id);
        Etags.check(Etags.expectedVersion(ifMatch), a.version);
        if (a.status == target) {
            return AdSetView.of(a);
        }
        if (a.status == AdSetStatus.ARCHIVED) {
            throw ProblemException.conflict("ad set " + id + " is archived");
        }
        AdSetView before = AdSetView.of(a);
        a.status = target;
        adSets.flush();
        AdSetView after = AdSetView.of(a);
        audit.record(a.advertiserId, "ad_set", a.id, target.name().toLowerCase(Locale.ROOT), before, after);
        changes.fire(new EntityChanged(a.advertiserId, a.campaignId, "ad_set", a.id,
                target == AdSetStatus.ARCHIVED ? ChangeKind.DELETED : ChangeKind.STATUS_CHANGED, a.version));
        return after;
    }

    public AdSet owned(long id) {
        return adSets.findOwned(caller.id(), id).orElseThrow(() -> ProblemException.notFound("ad set", id));
    }

    private void check(AdSetInput in) {
        validation.check(in);
        List<FieldError> errors = new ArrayList<>();
        if (in.ageMin() != null && in.ageMax() != null && in.ageMin() > in.ageMax()) {
            errors.add(new FieldError("ageMax", "must be at least ageMin"));
        }
        if ((in.frequencyCap() == null) != (in.frequencyPeriod() == null)) {
            errors.add(new FieldError("frequencyPeriod", "frequencyCap and frequencyPeriod go together"));
        }
        if (in.countries() != null) {
            for (int i = 0; i < in.countries().size(); i++) {
                if (!Targeting.COUNTRIES.contains(in.countries().get(i))) {
                    errors.add(new FieldError("countries[" + i + "]", "not an ISO 3166-1 alpha-2 country code"));
                }
            }
        }
        if (in.interests() != null) {
            for (int i = 0; i < in.interests().size(); i++) {
                if (!Targeting.INTERESTS.contains(in.interests().get(i))) {
                    errors.add(new FieldError("interests[" + i + "]", "not in the interest vocabulary " + Targeting.INTERESTS));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
