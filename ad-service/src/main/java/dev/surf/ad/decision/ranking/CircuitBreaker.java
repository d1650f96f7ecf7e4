package dev.surf.ad.decision.ranking;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consecutive-failure circuit breaker. Closed: calls pass. After {@code threshold} failures in a row
 * it opens for {@code openMs}: calls are refused at once (fallback, no waiting on a dead server).
 * Then one trial call at a time passes (half-open); a success closes it, a failure reopens it.
 * A trial may be given a longer deadline than normal calls: it asks whether the server is back, and
 * the caller's own code for this call, unused while the breaker is open, runs cold in it.
 */
public final class CircuitBreaker {
    private final int threshold;
    private final long openMs;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong();
    private final AtomicLong trialUntil = new AtomicLong();

    public CircuitBreaker(int threshold, long openMs) {
        this.threshold = threshold;
        this.openMs = openMs;
    }

    /** What a call may do now. */
    public enum Admission { CALL, TRIAL, REFUSE }

    public Admission admit(long nowMs) {
        long until = openUntil.get();
        if (until == 0 || failures.get() < threshold) {
            return Admission.CALL;
        }
        if (nowMs < until) {
            return Admission.REFUSE;
        }
        // Half-open: let one caller try; the others keep falling back until it reports.
        long trial = trialUntil.get();
        return nowMs >= trial && trialUntil.compareAndSet(trial, nowMs + openMs) ? Admission.TRIAL : Admission.REFUSE;
    }

    public void success() {
        failures.set(0);
        openUntil.set(0);
    }

    public void failure(long nowMs) {
        if (failures.incrementAndGet() >= threshold) {
            openUntil.set(nowMs + openMs);
        }
    }

    public boolean isOpen(long nowMs) {
        return failures.get() >= threshold && nowMs < openUntil.get();
    }
}
