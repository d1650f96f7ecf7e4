package dev.surf.ad.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.surf.ad.account.CurrentAdvertiser;
import dev.surf.ad.account.Roles;
import dev.surf.ad.web.JsonBodies;
import dev.surf.ad.web.Page;
import dev.surf.ad.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail: an advertiser sees its own objects' history; the internal role sees everyone's. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "apiKey")
public class AuditResource {
    private static final Map<String, String> SORTABLE = Map.of("id", "id", "at", "at");
    private final EntityManager em;
    private final CurrentAdvertiser caller;
    private final JsonBodies json;

    public AuditResource(EntityManager em, CurrentAdvertiser caller, JsonBodies json) {
        this.em = em;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.ADVERTISER, Roles.INTERNAL})
    @Transactional
    @Operation(summary = "List audit entries, newest first by default (sort=-id)",
            description = "Filters: entity (campaign, ad_set, creative, advertiser, api_key), entityId; internal callers may filter by advertiserId. Page size max 200.")
    public Page<AuditView> list(@QueryParam("entity") String entity, @QueryParam("entityId") Long entityId,
            @QueryParam("advertiserId") Long advertiserId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        PageRequest req = PageRequest.parse(page, size, sort == null ? "-id" : sort, SORTABLE);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        Long scope = caller.isInternal() ? advertiserId : Long.valueOf(caller.id());
        if (scope != null) {
            where.append(" and advertiserId = :adv");
            params.put("adv", scope);
        }
        if (entity != null) {
            where.append(" and entity = :entity");
            params.put("entity", entity);
        }
        if (entityId != null) {
            where.append(" and entityId = :entityId");
            params.put("entityId", entityId);
        }
        var count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        var query = em.createQuery("from AuditEntry" + where + " order by " + orderBy(req), AuditEntry.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        List<AuditView> items = query.setFirstResult(req.page() * req.size()).setMaxResults(req.size())
                .getResultStream().map(this::view).toList();
        return Page.of(items, req, count.getSingleResult());
    }

    private static String orderBy(PageRequest req) {
        return req.sort().getColumns().stream()
                .map(c -> c.getName() + (c.getDirection() == io.quarkus.panache.common.Sort.Direction.Descending ? " desc" : " asc"))
                .reduce((a, b) -> a + ", " + b).orElse("id");
    }

    private AuditView view(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.actorRole, e.advertiserId, e.entity, e.entityId, e.action,
                tree(e.before), tree(e.after));
    }

    private JsonNode tree(String s) {
        if (s == null) {
            return null;
        }
        try {
            return json.mapper().readTree(s);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
