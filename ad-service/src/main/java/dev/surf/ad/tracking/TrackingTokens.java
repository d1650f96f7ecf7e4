package dev.surf.ad.tracking;

import dev.surf.ad.auction.BidStrategy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tracking tokens: base64url(payload) "." base64url(MAC). The payload is a small binary record (version,
 * kind, ids, price, expiry, experiment variants). Verification checks the MAC in constant time before
 * reading anything, then the expiry; a token of another kind is refused by the caller.
 *
 * <p>Version 3 (written now) keeps tokens short, because every beacon URL carries one and the HTTP
 * layer, the query decoder and the MAC all cost per byte: a UUID decision id in 16 bytes, ids, price
 * and expiry as varints, the landing URL only in click tokens (only a click redirects), and
 * HMAC-SHA256 truncated to 128 bits (as RFC 4868 does for IPsec). Versions 1 and 2 (fixed-width
 * fields, full 256-bit MAC) are still read, so URLs handed out before an upgrade keep working.
 */
public final class TrackingTokens {
    private static final byte VERSION = 3;
    /** Version 2 appended the experiment variants to version 1's layout. */
    private static final byte VERSION_FIXED_WIDTH = 2;
    private static final byte VERSION_WITHOUT_VARIANTS = 1;
    private static final int MAC_BYTES = 16;
    private static final int FULL_MAC_BYTES = 32;
    private static final int MAX_VARIANTS = 32;
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final byte STRING_ID = 0;
    private static final byte UUID_ID = 1;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public TrackingTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("surf.tracking.secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String sign(TrackingClaims c) {
        if (c.variants().size() > MAX_VARIANTS) {
            throw new IllegalArgumentException("at most " + MAX_VARIANTS + " experiment variants per token");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(VERSION);
            out.writeByte(c.kind().code);
            UUID uuid = canonicalUuid(c.decisionId());
            if (uuid != null) {
                out.writeByte(UUID_ID);
                out.writeLong(uuid.getMostSignificantBits());
                out.writeLong(uuid.getLeastSignificantBits());
            } else {
                out.writeByte(STRING_ID);
                out.writeUTF(c.decisionId());
            }
            out.writeUTF(c.userId());
            writeVarLong(out, c.advertiserId());
            writeVarLong(out, c.campaignId());
            writeVarLong(out, c.adSetId());
            writeVarLong(out, c.creativeId());
            out.writeUTF(c.placement());
            out.writeByte(c.billing().ordinal());
            writeVarLong(out, c.chargeMicros());
            writeVarLong(out, c.expiresAtMs());
            if (c.kind() == TrackingClaims.Kind.CLICK) {
                out.writeUTF(c.landingUrl() == null ? "" : c.landingUrl());
            }
            out.writeByte(c.variants().size());
            for (var v : new java.util.TreeMap<>(c.variants()).entrySet()) {
                out.writeUTF(v.getKey());
                out.writeUTF(v.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = buf.toByteArray();
        return B64.encodeToString(payload) + "." + B64.encodeToString(Arrays.copyOf(macs.get().doFinal(payload), MAC_BYTES));
    }

    /** The id as a UUID only when it is one in canonical form (so it reads back as the same string). */
    private static UUID canonicalUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID u = UUID.fromString(id);
            return u.toString().equals(id) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Zig-zag varint: small magnitudes of either sign take few bytes. */
    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    public TrackingClaims verify(String token, long nowMs) throws TokenRejected {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new TokenRejected("malformed", "missing or oversized token");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new TokenRejected("malformed", "token is not payload.signature");
        }
        byte[] payload;
        byte[] sig;
        try {
            payload = B64D.decode(token.substring(0, dot));
            sig = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new TokenRejected("malformed", "token is not base64url");
        }
        if (sig.length != MAC_BYTES && sig.length != FULL_MAC_BYTES) {
            throw new TokenRejected("malformed", "token signature has the wrong length");
        }
        if (!MessageDigest.isEqual(Arrays.copyOf(macs.get().doFinal(payload), sig.length), sig)) {
            throw new TokenRejected("bad_signature", "token signature does not match");
        }
        TrackingClaims c;
        try {
            PayloadReader in = new PayloadReader(payload);
            byte version = in.readByte();
            // Each version has one MAC length: a short MAC on an old layout (or the reverse) is refused.
            boolean compact = version == VERSION;
            if (!compact && version != VERSION_FIXED_WIDTH && version != VERSION_WITHOUT_VARIANTS
                    || compact != (sig.length == MAC_BYTES)) {
                throw new TokenRejected("malformed", "unknown token version");
            }
            c = read(in, version);
        } catch (IOException | RuntimeException e) {
            // A correctly signed but unreadable payload means a key shared with another format.
            throw new TokenRejected("malformed", "token payload unreadable");
        }
        if (c.expiresAtMs() < nowMs) {
            throw new TokenRejected("expired", "token expired");
        }
        return c;
    }

    /** Reads every version: they share the field order and differ in how ids, numbers and the landing URL are written. */
    private static TrackingClaims read(PayloadReader in, byte version) throws IOException {
        boolean compact = version == VERSION;
        TrackingClaims.Kind kind = TrackingClaims.Kind.of(compact ? (char) in.readUnsignedByte() : in.readChar());
        String decisionId = compact ? readDecisionId(in) : in.readUTF();
        String userId = in.readUTF();
        long advertiserId = readNumber(in, compact);
        long campaignId = readNumber(in, compact);
        long adSetId = readNumber(in, compact);
        long creativeId = readNumber(in, compact);
        String placement = in.readUTF();
        BidStrategy billing = BidStrategy.values()[in.readByte()];
        long charge = readNumber(in, compact);
        long expires = readNumber(in, compact);
        String landing = !compact || kind == TrackingClaims.Kind.CLICK ? in.readUTF() : "";
        Map<String, String> variants = version == VERSION_WITHOUT_VARIANTS ? Map.of() : readVariants(in);
        return new TrackingClaims(kind, decisionId, userId, advertiserId, campaignId, adSetId, creativeId, placement,
                billing, charge, expires, landing, variants);
    }

    private static String readDecisionId(PayloadReader in) throws IOException {
        return switch (in.readByte()) {
            case UUID_ID -> new UUID(in.readLong(), in.readLong()).toString();
            case STRING_ID -> in.readUTF();
            default -> throw new IOException("unknown decision id form");
        };
    }

    private static long readNumber(PayloadReader in, boolean compact) throws IOException {
        return compact ? in.readVarLong() : in.readLong();
    }

    private static Map<String, String> readVariants(PayloadReader in) throws IOException {
        int n = in.readUnsignedByte();
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> variants = new HashMap<>();
        for (int i = 0; i < n; i++) {
            variants.put(in.readUTF(), in.readUTF());
        }
        return variants;
    }
}
