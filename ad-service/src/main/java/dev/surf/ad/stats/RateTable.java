package dev.surf.ad.stats;

import java.util.Map;

/**
 * Smoothed (CTR, CVR) pairs by positive id, in open addressing: a lookup walks a {@code long[]} of keys
 * and reads the rates beside the match, with no boxed key or map node to chase. Built once per reload,
 * then only read (the decision path looks up every candidate of every decision here).
 */
final class RateTable {
    static final RateTable EMPTY = new RateTable(Map.of());
    static final int CTR = 0;
    static final int CVR = 1;

    private final long[] keys; // 0 marks an empty slot: ids are positive
    private final double[] rates; // slot i: CTR at 2i, CVR at 2i + 1
    private final int mask;

    RateTable(Map<Long, double[]> byId) {
        int capacity = Integer.highestOneBit(Math.max(2, byId.size()) * 2) * 2; // load factor at most 1/2
        keys = new long[capacity];
        rates = new double[2 * capacity];
        mask = capacity - 1;
        byId.forEach((id, r) -> {
            if (id > 0) {
                int i = slot(id);
                while (keys[i] != 0 && keys[i] != id) {
                    i = (i + 1) & mask;
                }
                keys[i] = id;
                rates[2 * i] = r[0];
                rates[2 * i + 1] = r[1];
            }
        });
    }

    /** The slot holding {@code id}, or -1. */
    int find(long id) {
        if (id <= 0) {
            return -1;
        }
        for (int i = slot(id); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == id) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** {@link #CTR} or {@link #CVR} of the id in {@code slot}. */
    double rate(int slot, int which) {
        return rates[2 * slot + which];
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential ids
        return (int) (h >>> 32) & mask;
    }
}
