package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.auction.BidStrategy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TrackingTokensTest {
    private final TrackingTokens tokens = new TrackingTokens("unit-test-secret-0123456789");
    private final TrackingClaims claims = new TrackingClaims(TrackingClaims.Kind.CLICK, "d-1", "user|with|bars", 3, 4, 5, 6,
            "feed", BidStrategy.CPC, 250_000, 2_000, "https://shop.example/landing?a=1",
            Map.of("reserve-test", "treatment", "model-test", "control"));

    @Test
    void roundTripsWithTheExperimentVariants() throws TokenRejected {
        TrackingClaims back = tokens.verify(tokens.sign(claims), 1_000);
        assertEquals(claims, back);
        assertEquals("treatment", back.variants().get("reserve-test"));
        TrackingClaims none = claims.as(TrackingClaims.Kind.IMPRESSION, 2_000);
        assertEquals(Map.of("reserve-test", "treatment", "model-test", "control"), none.variants(), "kind change keeps variants");
    }

    @Test
    void versionOneTokensWithoutVariantsAreStillAccepted() throws Exception {
        // A token signed before variants were added (version 1 layout) must keep working until it expires.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("unit-test-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] payload = fixedWidthPayload(1);
        TrackingClaims c = tokens.verify(b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload)), 1_000);
        assertEquals(TrackingClaims.Kind.CLICK, c.kind());
        assertEquals(4, c.campaignId());
        assertEquals(Map.of(), c.variants());
    }

    @Test
    void versionTwoTokensWithTheFullMacAreStillAccepted() throws Exception {
        // The fixed-width layout with variants and a 256-bit MAC, as handed out before version 3.
        byte[] payload = fixedWidthPayload(2);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("unit-test-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] full = mac.doFinal(payload);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        TrackingClaims c = tokens.verify(b64.encodeToString(payload) + "." + b64.encodeToString(full), 1_000);
        assertEquals("https://shop.example/", c.landingUrl());
        assertEquals(Map.of("exp", "b"), c.variants());
        // An old layout with a truncated MAC is not a form any version wrote: refused.
        String truncated = b64.encodeToString(payload) + "." + b64.encodeToString(java.util.Arrays.copyOf(full, 16));
        assertEquals("malformed", assertThrows(TokenRejected.class, () -> tokens.verify(truncated, 1_000)).reason());
    }

    private static byte[] fixedWidthPayload(int version) throws java.io.IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(version);
            out.writeChar('C');
            out.writeUTF("d-1");
            out.writeUTF("u-1");
            out.writeLong(3);
            out.writeLong(4);
            out.writeLong(5);
            out.writeLong(6);
            out.writeUTF("feed");
            out.writeByte(BidStrategy.CPC.ordinal());
            out.writeLong(250_000);
            out.writeLong(2_000);
            out.writeUTF("https://shop.example/");
            if (version == 2) {
                out.writeByte(1);
                out.writeUTF("exp");
                out.writeUTF("b");
            }
        }
        return buf.toByteArray();
    }

    @Test
    void impressionTokensAreShortAndCarryNoLandingUrl() throws TokenRejected {
        TrackingClaims served = new TrackingClaims(TrackingClaims.Kind.IMPRESSION, "01a226ad-7548-7802-a011-92a3abd33f5a",
                "load-user-4711", 12, 1_234, 5_678, 91_011, "article", BidStrategy.CPM, 1_850_000, 1_795_000_000_000L,
                "https://shop.example/spring-sale?utm_source=surf&utm_campaign=1234", Map.of());
        String t = tokens.sign(served);
        // Version 2 (fixed-width fields, the landing URL, a 256-bit MAC) made this 290 characters.
        assertTrue(t.length() <= 110, () -> t.length() + " chars: " + t);
        TrackingClaims back = tokens.verify(t, 1_000);
        assertEquals(served.decisionId(), back.decisionId());
        assertEquals(1_850_000, back.chargeMicros());
        assertEquals(1_795_000_000_000L, back.expiresAtMs());
        assertEquals("", back.landingUrl());
        TrackingClaims click = served.as(TrackingClaims.Kind.CLICK, 1_795_000_000_000L);
        assertEquals(click, tokens.verify(tokens.sign(click), 1_000), "a click token keeps its landing URL");
    }

    @Test
    void decisionIdsThatAreNotCanonicalUuidsAndNegativeNumbersRoundTrip() throws TokenRejected {
        for (String id : new String[] {"01A226AD-7548-7802-A011-92A3ABD33F5A", "1-1-1-1-1", "d-\u00e9t\u00e9", ""}) {
            TrackingClaims c = new TrackingClaims(TrackingClaims.Kind.CLICK, id, "u", -1, Long.MAX_VALUE, Long.MIN_VALUE, 0,
                    "p", BidStrategy.TARGET_CPA, 0, Long.MAX_VALUE, "", Map.of());
            assertEquals(c, tokens.verify(tokens.sign(c), 1_000), id);
        }
    }

    @Test
    void tooManyVariantsAreRefusedWhenSigning() {
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("e" + i, "v");
        }
        TrackingClaims big = new TrackingClaims(TrackingClaims.Kind.CLICK, "d", "u", 1, 1, 1, 1, "p", BidStrategy.CPM, 0,
                2_000, "", many);
        assertThrows(IllegalArgumentException.class, () -> tokens.sign(big));
    }

    @Test
    void alteredPayloadIsRejected() {
        String t = tokens.sign(claims);
        String other = tokens.sign(new TrackingClaims(TrackingClaims.Kind.CLICK, "d-1", "user|with|bars", 3, 4, 5, 6,
                "feed", BidStrategy.CPC, 9_999_999, 2_000, "https://shop.example/landing?a=1", claims.variants()));
        // Payload of one token with the signature of another: a price change must not pass.
        String spliced = other.substring(0, other.indexOf('.')) + t.substring(t.indexOf('.'));
        assertEquals("bad_signature", assertThrows(TokenRejected.class, () -> tokens.verify(spliced, 1_000)).reason());
        char[] c = t.toCharArray();
        c[5] = c[5] == 'A' ? 'B' : 'A';
        assertEquals("bad_signature", assertThrows(TokenRejected.class, () -> tokens.verify(new String(c), 1_000)).reason());
    }

    @Test
    void forgedWithAnotherKeyIsRejected() {
        String forged = new TrackingTokens("attacker-secret-0123456789").sign(claims);
        assertEquals("bad_signature", assertThrows(TokenRejected.class, () -> tokens.verify(forged, 1_000)).reason());
    }

    @Test
    void expiredIsRejected() {
        String t = tokens.sign(claims);
        assertEquals("expired", assertThrows(TokenRejected.class, () -> tokens.verify(t, 2_001)).reason());
    }

    @Test
    void garbageIsMalformed() {
        for (String g : new String[] {"", "abc", "a.b.c", "!!!.???", "x".repeat(5000)}) {
            assertEquals("malformed", assertThrows(TokenRejected.class, () -> tokens.verify(g, 0)).reason(), g);
        }
        assertEquals("malformed", assertThrows(TokenRejected.class, () -> tokens.verify(null, 0)).reason());
    }

    @Test
    void onlyTheBillableKindCarriesAPrice() {
        assertEquals(250_000, claims.priceFor(TrackingClaims.Kind.CLICK));
        assertEquals(0, claims.priceFor(TrackingClaims.Kind.IMPRESSION));
        assertEquals(0, claims.priceFor(TrackingClaims.Kind.CONVERSION));
    }
}
