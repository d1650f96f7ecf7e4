package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BeaconQueryTest {
    @Test
    void findsTheNamedParameterAnywhere() {
        assertEquals("abc.def", BeaconQuery.param("t=abc.def", "t"));
        assertEquals("abc", BeaconQuery.param("value=12&t=abc", "t"));
        assertEquals("12", BeaconQuery.param("t=abc&value=12", "value"));
        assertEquals("first", BeaconQuery.param("t=first&t=second", "t"));
    }

    @Test
    void doesNotMatchAPrefixOfAnotherName() {
        assertNull(BeaconQuery.param("tt=x&ts=y", "t"));
        assertEquals("z", BeaconQuery.param("tt=x&t=z", "t"));
    }

    @Test
    void absentEmptyAndValueless() {
        assertNull(BeaconQuery.param(null, "t"));
        assertNull(BeaconQuery.param("", "t"));
        assertEquals("", BeaconQuery.param("t=", "t"));
        assertEquals("", BeaconQuery.param("a=1&t", "t"));
        assertNull(BeaconQuery.param("&&", "t"));
    }

    @Test
    void decodesOnlyWhenNeeded() {
        assertEquals("a b+c", BeaconQuery.param("t=a+b%2Bc", "t"));
        assertEquals("-_AZaz09", BeaconQuery.param("t=-_AZaz09", "t"));
        assertThrows(IllegalArgumentException.class, () -> BeaconQuery.param("t=%zz", "t"));
    }
}
