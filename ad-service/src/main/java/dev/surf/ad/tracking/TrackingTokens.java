package dev.surf.ad.tracking;

import dev.surf.ad.auction.BidStrategy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tracking tokens: base64url(payload) "." base64url(HMAC-SHA256(payload)). The payload is a small
 * binary record (version, kind, ids, price, expiry, experiment variants). Verification checks the MAC in constant time
 * before reading anything, then the expiry; a token of another kind is refused by the caller.
 */
public final class TrackingTokens {
    /** Version 2 appends the experiment variants; version 1 tokens (no variants) are still accepted. */
    private static final byte VERSION = 2;
    private static final byte VERSION_WITHOUT_VARIANTS = 1;
    private static final int MAX_VARIANTS = 32;
    private static final int MAX_TOKEN_CHARS = 4096;
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
        ByteArrayOutputStream buf = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(VERSION);
            out.writeChar(c.kind().code);
            out.writeUTF(c.decisionId());
            out.writeUTF(c.userId());
            out.writeLong(c.advertiserId());
            out.writeLong(c.campaignId());
            out.writeLong(c.adSetId());
            out.writeLong(c.creativeId());
            out.writeUTF(c.placement());
            out.writeByte(c.billing().ordinal());
            out.writeLong(c.chargeMicros());
            out.writeLong(c.expiresAtMs());
            out.writeUTF(c.landingUrl() == null ? "" : c.landingUrl());
            out.writeByte(c.variants().size());
            for (var v : new java.util.TreeMap<>(c.variants()).entrySet()) {
                out.writeUTF(v.getKey());
                out.writeUTF(v.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = buf.toByteArray();
        return B64.encodeToString(payload) + "." + B64.encodeToString(macs.get().doFinal(payload));
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
        if (!MessageDigest.isEqual(macs.get().doFinal(payload), sig)) {
            throw new TokenRejected("bad_signature", "token signature does not match");
        }
        TrackingClaims c;
        try {
            PayloadReader in = new PayloadReader(payload);
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_WITHOUT_VARIANTS) {
                throw new TokenRejected("malformed", "unknown token version");
            }
            TrackingClaims.Kind kind = TrackingClaims.Kind.of(in.readChar());
            String decisionId = in.readUTF();
            String userId = in.readUTF();
            long advertiserId = in.readLong();
            long campaignId = in.readLong();
            long adSetId = in.readLong();
            long creativeId = in.readLong();
            String placement = in.readUTF();
            BidStrategy billing = BidStrategy.values()[in.readByte()];
            long charge = in.readLong();
            long expires = in.readLong();
            String landing = in.readUTF();
            Map<String, String> variants = new HashMap<>();
            if (version == VERSION) {
                int n = in.readUnsignedByte();
                for (int i = 0; i < n; i++) {
                    variants.put(in.readUTF(), in.readUTF());
                }
            }
            c = new TrackingClaims(kind, decisionId, userId, advertiserId, campaignId, adSetId, creativeId, placement,
                    billing, charge, expires, landing, variants);
        } catch (IOException | RuntimeException e) {
            // A correctly signed but unreadable payload means a key shared with another format.
            throw new TokenRejected("malformed", "token payload unreadable");
        }
        if (c.expiresAtMs() < nowMs) {
            throw new TokenRejected("expired", "token expired");
        }
        return c;
    }
}
