package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surf.ad.auction.BidStrategy;
import org.junit.jupiter.api.Test;

class TrackingTokensTest {
    private final TrackingTokens tokens = new TrackingTokens("unit-test-secret-0123456789");
    private final TrackingClaims claims = new TrackingClaims(TrackingClaims.Kind.CLICK, "d-1", "user|with|bars", 3, 4, 5, 6,
            "feed", BidStrategy.CPC, 250_000, 2_000, "https://shop.example/landing?a=1");

    @Test
    void roundTrips() throws TokenRejected {
        assertEquals(claims, tokens.verify(tokens.sign(claims), 1_000));
    }

    @Test
    void alteredPayloadIsRejected() {
        String t = tokens.sign(claims);
        String other = tokens.sign(new TrackingClaims(TrackingClaims.Kind.CLICK, "d-1", "user|with|bars", 3, 4, 5, 6,
                "feed", BidStrategy.CPC, 9_999_999, 2_000, "https://shop.example/landing?a=1"));
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
