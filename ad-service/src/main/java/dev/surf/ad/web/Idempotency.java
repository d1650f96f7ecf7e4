package dev.surf.ad.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotency-Key on creates. The key row is inserted in the same transaction as the create, so a
 * failed create leaves no key behind and a concurrent duplicate waits on the row lock, then replays.
 * Same key + same operation and body: the first response again. Same key + a different body: 422.
 * Keys are scoped to the caller and expire after 24 hours.
 */
@ApplicationScoped
public class Idempotency {
    public static final int MAX_KEY_LENGTH = 255;
    private final EntityManager em;
    private final JsonBodies json;

    public Idempotency(EntityManager em, JsonBodies json) {
        this.em = em;
        this.json = json;
    }

    /** The view the create returns, where it lives, its ETag and the status (201, or 202 for accepted work). */
    public record Result(Object body, String location, String etag, int status) {
        public Result(Object body, String location, String etag) {
            this(body, location, etag, 201);
        }
    }

    @Transactional
    public Created run(String scope, String key, String operation, Object request, Supplier<Result> create) {
        if (key == null) {
            return store(create.get(), false);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.badRequest("Idempotency-Key",
                    "Idempotency-Key must be 1-" + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
        String hash = sha256(operation + "\n" + json.write(request));
        em.createNativeQuery("delete from {h-schema}idempotency_key where scope = ?1 and idem_key = ?2 "
                + "and created_at < now() - interval '24 hours'").setParameter(1, scope).setParameter(2, key).executeUpdate();
        int inserted = em.createNativeQuery("insert into {h-schema}idempotency_key (scope, idem_key, request_sha256) "
                + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (inserted == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select request_sha256, status, body, location, etag "
                    + "from {h-schema}idempotency_key where scope = ?1 and idem_key = ?2")
                    .setParameter(1, scope).setParameter(2, key).getResultList();
            Object[] row = rows.getFirst();
            if (!hash.equals(row[0])) {
                throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                        "this Idempotency-Key was already used with a different request",
                        List.of(new FieldError("Idempotency-Key", "already used with a different body"))));
            }
            return new Created(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4], true);
        }
        Created created = store(create.get(), false);
        em.createNativeQuery("update {h-schema}idempotency_key set status = ?3, body = ?4, location = ?5, etag = ?6 "
                + "where scope = ?1 and idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, created.status())
                .setParameter(4, created.json()).setParameter(5, created.location()).setParameter(6, created.etag())
                .executeUpdate();
        return created;
    }

    private Created store(Result r, boolean replayed) {
        return new Created(r.status(), json.write(r.body()), r.location(), r.etag(), replayed);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
