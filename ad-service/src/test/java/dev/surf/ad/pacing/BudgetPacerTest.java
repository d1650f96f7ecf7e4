package dev.surf.ad.pacing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BudgetPacerTest {
    private static final long BUDGET = 1_000_000; // 1.00 a day

    @Test
    void followsTheEvenCurvePlusBurst() {
        BudgetPacer p = new BudgetPacer(new PacingSettings(0.02, 60_000, 0.01));
        // A quarter into the day: 25% + 2% burst = 270,000 micros may be committed.
        int served = 0;
        while (p.tryReserve(1, BUDGET, 100, 0.25, 0, 10_000)) {
            served++;
        }
        assertTrue(served == 27, "served " + served);
        assertFalse(p.allows(1, BUDGET, 100, 0.25, 0, 10_000));
        // Later in the day the curve allows more.
        assertTrue(p.allows(1, BUDGET, 100, 0.5, 0, 10_000));
    }

    @Test
    void stopsAtBudgetAndConfirmationReleasesReservation() {
        BudgetPacer p = new BudgetPacer(new PacingSettings(0.02, 60_000, 0.01));
        for (int i = 0; i < 100; i++) {
            assertTrue(p.tryReserve(1, BUDGET, 100, 0.99, 1_000, 10_000));
        }
        assertFalse(p.tryReserve(1, BUDGET, 100, 0.99, 1_000, 1), "budget fully reserved");
        p.confirm(1, 100, 500_000); // half of it charged: releases as much reservation, total unchanged
        assertFalse(p.allows(1, BUDGET, 100, 0.99, 1_000, 1));
        // Unconfirmed reservations lapse after the window: only the confirmed half stays.
        assertTrue(p.allows(1, BUDGET, 100, 0.99, 200_000, 400_000));
        assertFalse(p.allows(1, BUDGET, 100, 0.99, 200_000, 600_000));
    }

    @Test
    void newDayStartsFresh() {
        BudgetPacer p = new BudgetPacer(PacingSettings.DEFAULT);
        p.confirm(1, 100, BUDGET);
        assertFalse(p.hasBudget(1, BUDGET, 100));
        assertTrue(p.hasBudget(1, BUDGET, 101));
        assertTrue(p.tryReserve(1, BUDGET, 101, 0.5, 0, 1_000));
    }
}
