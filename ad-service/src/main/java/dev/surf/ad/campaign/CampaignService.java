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
import dev.surf.ad.web.Checks;
import dev.surf.events.v1.ChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Campaign use cases; every lookup is scoped to the calling advertiser (another's id is a 404). */
@ApplicationScoped
public class CampaignService {
    public static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "createdAt", "createdAt",
            "updatedAt", "updatedAt", "dailyBudgetMicros", "dailyBudgetMicros", "startAt", "startAt");
    private final CampaignRepository campaigns;
    private final CurrentAdvertiser caller;
    private final Validation validation;
    private final Idempotency idempotency;
    private final JsonBodies json;
    private final AuditTrail audit;
    private final Event<EntityChanged> changes;

    public CampaignService(CampaignRepository campaigns, CurrentAdvertiser caller, Validation validation,
            Idempotency idempotency, JsonBodies json, AuditTrail audit, Event<EntityChanged> changes) {
        this.campaigns = campaigns;
        this.caller = caller;
        this.validation = validation;
        this.idempotency = idempotency;
        this.json = json;
        this.audit = audit;
        this.changes = changes;
    }

    @Transactional
    public Created create(CampaignInput input, String idempotencyKey) {
        long advertiser = caller.id();
        check(input);
        return idempotency.run("advertiser:" + advertiser, idempotencyKey, "POST campaigns", input, () -> {
            Campaign c = new Campaign();
            c.advertiserId = advertiser;
            c.apply(input);
            campaigns.persistAndFlush(c);
            CampaignView view = CampaignView.of(c);
            audit.record(advertiser, "campaign", c.id, "create", null, view);
            changes.fire(new EntityChanged(advertiser, c.id, "campaign", c.id, ChangeKind.CREATED, c.version));
            return new Idempotency.Result(view, "/api/v1/campaigns/" + c.id, Etags.of(c.version));
        });
    }

    @Transactional
    public CampaignView get(long id) {
        return CampaignView.of(owned(id));
    }

    @Transactional
    public Page<CampaignView> list(CampaignStatus status, Objective objective, String nameContains, PageRequest req) {
        TenantFilter f = TenantFilter.of(caller.id()).eq("status", status).eq("objective", objective);
        if (nameContains != null && !nameContains.isBlank()) {
            f.where("lower(name) like :name escape '\\'", "name", "%" + nameContains.toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var query = campaigns.find(f.query(), req.sort(), f.params());
        long total = query.count();
        List<CampaignView> items = query.page(req.page(), req.size()).stream().map(CampaignView::of).toList();
        return Page.of(items, req, total);
    }

    @Transactional
    public CampaignView patch(long id, String body, String ifMatch) {
        ObjectNode patch = json.parsePatch(body);
        Long bodyVersion = json.takeVersion(patch);
        Campaign c = owned(id);
        Etags.check(Etags.require(ifMatch, bodyVersion), c.version);
        if (c.status == CampaignStatus.ARCHIVED) {
            throw ProblemException.conflict("campaign " + id + " is archived and can no longer change");
        }
        CampaignView before = CampaignView.of(c);
        CampaignInput merged = json.merge(c.toInput(), patch, CampaignInput.class);
        check(merged);
        c.apply(merged);
        campaigns.flush();
        CampaignView after = CampaignView.of(c);
        audit.record(c.advertiserId, "campaign", c.id, "update", before, after);
        changes.fire(new EntityChanged(c.advertiserId, c.id, "campaign", c.id, ChangeKind.UPDATED, c.version));
        return after;
    }

    public enum Action { ACTIVATE, PAUSE, ARCHIVE }

    @Transactional
    public CampaignView transition(long id, Action action, String ifMatch) {
        Campaign c = owned(id);
        Etags.check(Etags.expectedVersion(ifMatch), c.version);
        CampaignStatus target = switch (action) {
            case ACTIVATE -> CampaignStatus.ACTIVE;
            case PAUSE -> CampaignStatus.PAUSED;
            case ARCHIVE -> CampaignStatus.ARCHIVED;
        };
        boolean allowed = switch (action) {
            case ACTIVATE -> c.status == CampaignStatus.DRAFT || c.status == CampaignStatus.PAUSED
                    || c.status == CampaignStatus.ACTIVE;
            case PAUSE -> c.status == CampaignStatus.ACTIVE || c.status == CampaignStatus.PAUSED;
            case ARCHIVE -> true;
        };
        if (!allowed) {
            throw ProblemException.conflict("cannot " + action.name().toLowerCase(java.util.Locale.ROOT)
                    + " a campaign that is " + c.status);
        }
        if (c.status == target) {
            return CampaignView.of(c);
        }
        CampaignView before = CampaignView.of(c);
        c.status = target;
        campaigns.flush();
        CampaignView after = CampaignView.of(c);
        audit.record(c.advertiserId, "campaign", c.id, action.name().toLowerCase(java.util.Locale.ROOT), before, after);
        changes.fire(new EntityChanged(c.advertiserId, c.id, "campaign", c.id,
                action == Action.ARCHIVE ? ChangeKind.DELETED : ChangeKind.STATUS_CHANGED, c.version));
        return after;
    }

    /** The caller's campaign, or 404 (also for another advertiser's id, so ids do not leak). */
    public Campaign owned(long id) {
        return campaigns.findOwned(caller.id(), id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    private void check(CampaignInput in) {
        validation.check(in);
        List<FieldError> errors = new ArrayList<>();
        if (in.startAt() != null && in.endAt() != null && !in.endAt().isAfter(in.startAt())) {
            errors.add(new FieldError("endAt", "must be after startAt"));
        }
        if (in.lifetimeBudgetMicros() != null && in.lifetimeBudgetMicros() < in.dailyBudgetMicros()) {
            errors.add(new FieldError("lifetimeBudgetMicros", "must be at least dailyBudgetMicros"));
        }
        if (in.timeZone() != null && !Checks.isZone(in.timeZone())) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        if (in.bidAmountMicros() > in.dailyBudgetMicros() && in.bidStrategy() != BidStrategy.CPM) {
            errors.add(new FieldError("bidAmountMicros", "a single bid cannot exceed the daily budget"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
