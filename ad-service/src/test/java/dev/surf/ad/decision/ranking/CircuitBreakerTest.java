package dev.surf.ad.decision.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.decision.ranking.CircuitBreaker.Admission;
import org.junit.jupiter.api.Test;

/** Closed, open, one trial at a time when half-open, closed again on a trial's success. */
class CircuitBreakerTest {
    private final CircuitBreaker breaker = new CircuitBreaker(3, 1_000);

    @Test
    void opensAfterConsecutiveFailuresAndAdmitsOneTrialAfterTheOpenTime() {
        breaker.failure(0);
        breaker.failure(1);
        breaker.success(); // not consecutive: the count starts over
        breaker.failure(2);
        breaker.failure(3);
        assertEquals(Admission.CALL, breaker.admit(4));
        breaker.failure(5);
        assertTrue(breaker.isOpen(6));
        assertEquals(Admission.REFUSE, breaker.admit(6));
        assertEquals(Admission.REFUSE, breaker.admit(1_004));
        assertEquals(Admission.TRIAL, breaker.admit(1_005));
        assertEquals(Admission.REFUSE, breaker.admit(1_006), "one trial at a time");
        breaker.success();
        assertFalse(breaker.isOpen(1_007));
        assertEquals(Admission.CALL, breaker.admit(1_007));
    }

    @Test
    void aFailedTrialReopensForAnotherOpenTime() {
        for (int i = 0; i < 3; i++) {
            breaker.failure(0);
        }
        assertEquals(Admission.TRIAL, breaker.admit(1_000));
        breaker.failure(1_010);
        assertEquals(Admission.REFUSE, breaker.admit(1_500));
        assertEquals(Admission.REFUSE, breaker.admit(2_009));
        assertEquals(Admission.TRIAL, breaker.admit(2_010));
    }
}
