package dev.surf.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void randomIdsAreVersion7WithTheCurrentTimeAndSortByIt() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(EventIds.random());
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long ms = id.getMostSignificantBits() >>> 16;
        assertTrue(ms >= before && ms <= after, "timestamp " + ms + " outside [" + before + ", " + after + "]");
        // Ids of a later millisecond sort after those of an earlier one, as text too (what the index sees).
        String earlier = EventIds.timeOrdered(1_790_000_000_000L).toString();
        String later = EventIds.timeOrdered(1_790_000_000_001L).toString();
        assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
    }

    @Test
    void randomIdsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(EventIds.random()));
        }
    }

    @Test
    void derivedFromADecisionIdKeepsItsTimeAndIsStable() {
        String decision = EventIds.timeOrdered(1_790_000_123_456L).toString();
        String imp = EventIds.derived(decision, "IMPRESSION", "42");
        assertEquals(imp, EventIds.derived(decision, "IMPRESSION", "42"));
        assertNotEquals(imp, EventIds.derived(decision, "CLICK", "42"));
        assertNotEquals(imp, EventIds.derived(decision, "IMPRESSION", "43"));
        UUID u = UUID.fromString(imp);
        assertEquals(8, u.version());
        assertEquals(2, u.variant());
        assertEquals(1_790_000_123_456L, u.getMostSignificantBits() >>> 16);
        // Another decision in the same millisecond gives another id.
        String sibling = EventIds.timeOrdered(1_790_000_123_456L).toString();
        assertNotEquals(imp, EventIds.derived(sibling, "IMPRESSION", "42"));
    }

    @Test
    void derivedFromAnythingElseIsTheNameBasedUuid() {
        String legacy = UUID.randomUUID().toString();
        assertEquals(UUID.nameUUIDFromBytes((legacy + "|exposure").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                EventIds.derived(legacy, "exposure"));
        assertEquals(3, UUID.fromString(EventIds.derived("not-a-uuid", "x")).version());
        assertEquals(-1, EventIds.timeOf("7-1-1-1-1"));
        assertEquals(-1, EventIds.timeOf(null));
    }
}
