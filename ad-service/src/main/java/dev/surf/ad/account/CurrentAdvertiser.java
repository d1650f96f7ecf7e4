package dev.surf.ad.account;

import dev.surf.ad.web.Problem;
import dev.surf.ad.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/**
 * Who is calling, for any package that needs it: the advertiser id every query is scoped to, and the
 * actor recorded in the audit trail. Works with API keys and with {@code @TestSecurity(user = "<id>")}.
 */
@RequestScoped
public class CurrentAdvertiser {
    private final SecurityIdentity identity;

    public CurrentAdvertiser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's advertiser id; 403 problem for a caller that is not an advertiser. */
    public long id() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        if (!identity.hasRole(Roles.ADVERTISER)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "this operation needs an advertiser API key", List.of()));
        }
        Object attr = identity.getAttribute(Roles.ADVERTISER_ID_ATTRIBUTE);
        if (attr instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(attr != null ? attr.toString() : identity.getPrincipal().getName());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "the caller's identity carries no advertiser id", List.of()));
        }
    }

    public boolean isInternal() {
        return identity.hasRole(Roles.INTERNAL);
    }

    /** The actor recorded in the audit trail: the key prefix, or the principal name. */
    public String actor() {
        Object prefix = identity.getAttribute(Roles.KEY_PREFIX_ATTRIBUTE);
        return prefix != null ? prefix.toString() : identity.getPrincipal().getName();
    }

    public String role() {
        return isInternal() ? Roles.INTERNAL : Roles.ADVERTISER;
    }
}
