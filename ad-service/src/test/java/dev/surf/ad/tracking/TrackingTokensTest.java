package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(1);
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
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("unit-test-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] payload = buf.toByteArray();
        TrackingClaims c = tokens.verify(b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload)), 1_000);
        assertEquals(TrackingClaims.Kind.CLICK, c.kind());
        assertEquals(4, c.campaignId());
        assertEquals(Map.of(), c.variants());
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
