package dev.surf.ad.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a presented key into a SecurityIdentity. Advertiser keys: principal name = advertiser id,
 * role {@link Roles#ADVERTISER}, attribute {@link Roles#ADVERTISER_ID_ATTRIBUTE}. Internal keys and
 * the bootstrap admin key ({@code surf.admin.api-key}): role {@link Roles#INTERNAL}.
 */
@ApplicationScoped
public class ApiKeyVerifier {
    public static final String ADMIN_PRINCIPAL = "admin";
    private final EntityManager em;
    private final Optional<String> adminKey;

    public ApiKeyVerifier(EntityManager em, @ConfigProperty(name = "surf.admin.api-key") Optional<String> adminKey) {
        this.em = em;
        this.adminKey = adminKey.filter(k -> !k.isBlank());
    }

    @Transactional
    @ActivateRequestContext
    public SecurityIdentity verify(String key) {
        if (adminKey.isPresent() && MessageDigest.isEqual(adminKey.get().getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(ADMIN_PRINCIPAL))
                    .addRole(Roles.INTERNAL).addAttribute(Roles.KEY_PREFIX_ATTRIBUTE, ADMIN_PRINCIPAL).build();
        }
        String prefix = ApiKeys.prefixOf(key);
        if (prefix == null) {
            throw new AuthenticationFailedException("malformed API key");
        }
        List<ApiKey> found = em.createQuery("from ApiKey where prefix = ?1", ApiKey.class)
                .setParameter(1, prefix).getResultList();
        if (found.isEmpty() || !ApiKeys.sameHash(found.getFirst().secretSha256, ApiKeys.sha256(key))) {
            throw new AuthenticationFailedException("unknown API key");
        }
        ApiKey k = found.getFirst();
        if (k.revokedAt != null) {
            throw new AuthenticationFailedException("revoked API key");
        }
        touch(k);
        if ("INTERNAL".equals(k.role)) {
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("internal:" + prefix))
                    .addRole(Roles.INTERNAL).addAttribute(Roles.KEY_PREFIX_ATTRIBUTE, prefix).build();
        }
        Advertiser a = em.find(Advertiser.class, k.advertiserId);
        if (a == null || !Advertiser.Status.ACTIVE.name().equals(a.status)) {
            throw new AuthenticationFailedException("advertiser is not active");
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(String.valueOf(a.id)))
                .addRole(Roles.ADVERTISER).addAttribute(Roles.ADVERTISER_ID_ATTRIBUTE, a.id)
                .addAttribute(Roles.KEY_PREFIX_ATTRIBUTE, prefix).build();
    }

    /** last_used_at at minute resolution: one write per key per minute, not one per request. */
    private void touch(ApiKey k) {
        em.createNativeQuery("update {h-schema}api_key set last_used_at = now() where id = ?1 "
                + "and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .setParameter(1, k.id).executeUpdate();
    }
}
