package dev.surf.ad.pacing;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Spreads each campaign's daily budget over its day and stops it at the budget.
 *
 * <p>Per campaign and local day it keeps the spend the stats consumer confirmed plus the spend
 * reserved at decision time and not yet confirmed (expected cost of each served ad). A campaign may
 * serve while confirmed + reserved + this ad's expected cost stays under both the even-pacing curve
 * (budget x fraction of the day elapsed, plus a burst allowance) and the budget itself.
 * Reservations lapse after a window; a confirmation releases the same amount of reservation.
 * Pure apart from its own state: the caller passes the clock, so a simulation can run a day in seconds.
 */
public final class BudgetPacer {
    private static final int BUCKETS = 64;

    private final PacingSettings settings;
    private final ConcurrentHashMap<Long, Slot> states = new ConcurrentHashMap<>();

    public BudgetPacer(PacingSettings settings) {
        this.settings = settings;
    }

    /** Whether the campaign may serve an ad with this expected cost now; reserves it when it may. */
    public boolean tryReserve(Slot s, long dailyBudgetMicros, long localDay, double dayFraction,
                              long nowMs, double expectedCostMicros) {
        return check(s, dailyBudgetMicros, localDay, dayFraction, nowMs, expectedCostMicros, true);
    }

    /** The same test as {@link #tryReserve} without reserving (the throttle stage before ranking). */
    public boolean allows(Slot s, long dailyBudgetMicros, long localDay, double dayFraction,
                          long nowMs, double expectedCostMicros) {
        return check(s, dailyBudgetMicros, localDay, dayFraction, nowMs, expectedCostMicros, false);
    }

    /** {@link #tryReserve} by campaign id (simulations and tests; the decision path holds slots). */
    public boolean tryReserve(long campaignId, long dailyBudgetMicros, long localDay, double dayFraction,
                              long nowMs, double expectedCostMicros) {
        return tryReserve(slot(campaignId), dailyBudgetMicros, localDay, dayFraction, nowMs, expectedCostMicros);
    }

    /** {@link #allows} by campaign id. */
    public boolean allows(long campaignId, long dailyBudgetMicros, long localDay, double dayFraction,
                          long nowMs, double expectedCostMicros) {
        return allows(slot(campaignId), dailyBudgetMicros, localDay, dayFraction, nowMs, expectedCostMicros);
    }

    /**
     * The campaign's pacing state. The decision index keeps each candidate's slot, so the throttle that runs
     * for every candidate of every decision does not look the campaign up by id (a boxed key in a map of every
     * campaign ever paced). A slot is never removed, so a kept one stays the campaign's.
     */
    public Slot slot(long campaignId) {
        return states.computeIfAbsent(campaignId, id -> new Slot());
    }

    private boolean check(Slot s, long dailyBudgetMicros, long localDay, double dayFraction,
                          long nowMs, double expectedCostMicros, boolean reserve) {
        synchronized (s) {
            s.roll(localDay);
            s.expire(nowMs, settings.reservationWindowMs());
            double committed = s.confirmed + s.reserved;
            double curve = dailyBudgetMicros * Math.min(1.0, dayFraction + settings.burstFraction());
            double limit = Math.min(curve, dailyBudgetMicros);
            if (committed + expectedCostMicros > limit) {
                return false;
            }
            if (reserve) {
                s.add(nowMs, settings.reservationWindowMs(), expectedCostMicros);
            }
            return true;
        }
    }

    /** Whether the campaign still has budget today (a cheap pre-check before ranking). */
    public boolean hasBudget(long campaignId, long dailyBudgetMicros, long localDay) {
        Slot s = states.get(campaignId);
        if (s == null) {
            return true;
        }
        synchronized (s) {
            return s.day != localDay || s.confirmed + s.reserved < dailyBudgetMicros;
        }
    }

    /** The consumer charged this much for the campaign's day: count it and release as much reservation. */
    public void confirm(long campaignId, long localDay, long chargedMicros) {
        Slot s = slot(campaignId);
        synchronized (s) {
            s.roll(localDay);
            if (s.day == localDay) {
                s.confirmed += chargedMicros;
                s.release(chargedMicros);
            }
        }
    }

    /** Resync from the database: confirmed spend is at least what is stored. */
    public void syncConfirmed(long campaignId, long localDay, long storedMicros) {
        Slot s = slot(campaignId);
        synchronized (s) {
            s.roll(localDay);
            if (s.day == localDay && storedMicros > s.confirmed) {
                s.confirmed = storedMicros;
            }
        }
    }

    public double confirmedMicros(long campaignId) {
        Slot s = states.get(campaignId);
        return s == null ? 0 : s.confirmed;
    }

    /** Reservations in a ring of time buckets, so lapsing costs O(buckets) and no allocation. */
    public static final class Slot {
        private long day = Long.MIN_VALUE;
        private double confirmed;
        private double reserved;
        private final double[] bucket = new double[BUCKETS];
        private final long[] bucketEpoch = new long[BUCKETS];

        private void roll(long localDay) {
            if (localDay > day) {
                day = localDay;
                confirmed = 0;
                reserved = 0;
                java.util.Arrays.fill(bucket, 0);
            }
        }

        private void add(long nowMs, long windowMs, double amount) {
            long width = Math.max(1, windowMs / BUCKETS);
            long epoch = nowMs / width;
            int i = (int) (epoch % BUCKETS);
            if (bucketEpoch[i] != epoch) {
                reserved -= bucket[i];
                bucket[i] = 0;
                bucketEpoch[i] = epoch;
            }
            bucket[i] += amount;
            reserved += amount;
        }

        private long expiredAt = Long.MIN_VALUE;

        private void expire(long nowMs, long windowMs) {
            long width = Math.max(1, windowMs / BUCKETS);
            long current = nowMs / width;
            if (current == expiredAt) {
                return; // nothing can lapse within one bucket width: the hot path skips the scan
            }
            expiredAt = current;
            long oldest = current - BUCKETS + 1;
            for (int i = 0; i < BUCKETS; i++) {
                if (bucket[i] != 0 && bucketEpoch[i] < oldest) {
                    reserved -= bucket[i];
                    bucket[i] = 0;
                }
            }
            if (reserved < 1e-6) {
                reserved = 0;
            }
        }

        private void release(double amount) {
            // Oldest reservations are the ones this charge most likely belongs to.
            double left = amount;
            while (left > 0 && reserved > 0) {
                int oldest = -1;
                for (int i = 0; i < BUCKETS; i++) {
                    if (bucket[i] > 0 && (oldest < 0 || bucketEpoch[i] < bucketEpoch[oldest])) {
                        oldest = i;
                    }
                }
                if (oldest < 0) {
                    break;
                }
                double take = Math.min(left, bucket[oldest]);
                bucket[oldest] -= take;
                reserved -= take;
                left -= take;
            }
            if (reserved < 1e-6) {
                reserved = 0;
            }
        }
    }
}
