package dev.surf.ad.account;

import dev.surf.ad.audit.AuditTrail;
import dev.surf.ad.web.Created;
import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.Idempotency;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import dev.surf.ad.web.ProblemException;
import dev.surf.ad.web.Validation;
import dev.surf.ad.web.Checks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Advertiser accounts and their API keys. */
@ApplicationScoped
public class AccountService {
    private final EntityManager em;
    private final Validation validation;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final CurrentAdvertiser caller;

    public AccountService(EntityManager em, Validation validation, Idempotency idempotency, AuditTrail audit,
            CurrentAdvertiser caller) {
        this.em = em;
        this.validation = validation;
        this.idempotency = idempotency;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public Created createAdvertiser(AdvertiserInput input, String idempotencyKey) {
        validation.check(input);
        List<FieldError> errors = new ArrayList<>();
        String currency = input.currency() == null ? "USD" : input.currency();
        String zone = input.timeZone() == null ? "UTC" : input.timeZone();
        if (!Checks.isCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
        }
        if (!Checks.isZone(zone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return idempotency.run("internal:" + caller.actor(), idempotencyKey, "POST advertisers", input, () -> {
            Advertiser a = new Advertiser();
            a.name = input.name().strip();
            a.currency = currency;
            a.timeZone = zone;
            em.persist(a);
            em.flush();
            AdvertiserView view = AdvertiserView.of(a);
            audit.record(a.id, "advertiser", a.id, "create", null, view);
            return new Idempotency.Result(view, "/api/v1/advertisers/" + a.id, null);
        });
    }

    @Transactional
    public AdvertiserView advertiser(long id) {
        return AdvertiserView.of(find(id));
    }

    @Transactional
    public Page<AdvertiserView> advertisers(PageRequest req) {
        long total = em.createQuery("select count(a) from Advertiser a", Long.class).getSingleResult();
        List<AdvertiserView> items = em.createQuery("from Advertiser order by id", Advertiser.class)
                .setFirstResult(req.page() * req.size()).setMaxResults(req.size())
                .getResultStream().map(AdvertiserView::of).toList();
        return Page.of(items, req, total);
    }

    @Transactional
    public AdvertiserView setStatus(long id, Advertiser.Status status) {
        Advertiser a = find(id);
        AdvertiserView before = AdvertiserView.of(a);
        a.status = status.name();
        em.flush();
        AdvertiserView after = AdvertiserView.of(a);
        audit.record(a.id, "advertiser", a.id, status == Advertiser.Status.ACTIVE ? "activate" : "suspend", before, after);
        return after;
    }

    /** Creates a key; the whole key is returned this once and never stored. Not idempotent by design:
     *  replaying would mean storing the secret. */
    @Transactional
    public ApiKeyView createKey(Long advertiserId, ApiKeyInput body) {
        ApiKeyInput input = validation.check(body == null ? new ApiKeyInput(null) : body);
        if (advertiserId != null) {
            find(advertiserId);
        }
        ApiKeys.NewKey generated = ApiKeys.generate();
        ApiKey k = new ApiKey();
        k.advertiserId = advertiserId;
        k.role = advertiserId == null ? "INTERNAL" : "ADVERTISER";
        k.prefix = generated.prefix();
        k.secretSha256 = ApiKeys.sha256(generated.key());
        k.name = input == null || input.name() == null ? "" : input.name().strip();
        em.persist(k);
        em.flush();
        audit.record(advertiserId, "api_key", k.id, "create", null, ApiKeyView.of(k, null));
        return ApiKeyView.of(k, generated.key());
    }

    @Transactional
    public Page<ApiKeyView> keys(long advertiserId, PageRequest req) {
        long total = em.createQuery("select count(k) from ApiKey k where k.advertiserId = ?1", Long.class)
                .setParameter(1, advertiserId).getSingleResult();
        List<ApiKeyView> items = em.createQuery("from ApiKey where advertiserId = ?1 order by id", ApiKey.class)
                .setParameter(1, advertiserId).setFirstResult(req.page() * req.size()).setMaxResults(req.size())
                .getResultStream().map(k -> ApiKeyView.of(k, null)).toList();
        return Page.of(items, req, total);
    }

    /** Revokes one of the advertiser's keys (idempotent: revoking twice keeps the first time). */
    @Transactional
    public ApiKeyView revoke(long advertiserId, String prefix) {
        ApiKey k = em.createQuery("from ApiKey where advertiserId = ?1 and prefix = ?2", ApiKey.class)
                .setParameter(1, advertiserId).setParameter(2, prefix).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("api key", clip(prefix)));
        if (k.revokedAt == null) {
            ApiKeyView before = ApiKeyView.of(k, null);
            k.revokedAt = Instant.now();
            em.flush();
            audit.record(advertiserId, "api_key", k.id, "revoke", before, ApiKeyView.of(k, null));
        }
        return ApiKeyView.of(k, null);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private Advertiser find(long id) {
        Advertiser a = em.find(Advertiser.class, id);
        if (a == null) {
            throw ProblemException.notFound("advertiser", id);
        }
        return a;
    }
}
