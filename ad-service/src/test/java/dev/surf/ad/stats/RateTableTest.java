package dev.surf.ad.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateTableTest {
    @Test
    void findsEveryStoredIdAndNothingElse() {
        Map<Long, double[]> rates = new HashMap<>();
        for (long id = 1; id <= 5_000; id++) {
            rates.put(id * 7, new double[] {id / 1e4, id / 1e5});
        }
        RateTable t = new RateTable(rates);
        for (long id = 1; id <= 5_000; id++) {
            int slot = t.find(id * 7);
            assertTrue(slot >= 0, "id " + id * 7);
            assertEquals(id / 1e4, t.rate(slot, RateTable.CTR));
            assertEquals(id / 1e5, t.rate(slot, RateTable.CVR));
        }
        assertEquals(-1, t.find(8));
        assertEquals(-1, t.find(0));
        assertEquals(-1, t.find(-7));
        assertEquals(-1, t.find(7 * 5_001));
    }

    @Test
    void emptyAndTinyTables() {
        assertEquals(-1, RateTable.EMPTY.find(1));
        RateTable one = new RateTable(Map.of(42L, new double[] {0.5, 0.25}));
        assertEquals(0.5, one.rate(one.find(42), RateTable.CTR));
        assertEquals(-1, one.find(43));
        // Non-positive ids are never stored (they would collide with the empty marker).
        assertEquals(-1, new RateTable(Map.of(0L, new double[] {1, 1})).find(0));
    }
}
