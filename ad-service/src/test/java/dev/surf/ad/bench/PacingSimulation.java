package dev.surf.ad.bench;

import dev.surf.ad.auction.BidStrategy;
import dev.surf.ad.pacing.BudgetPacer;
import dev.surf.ad.pacing.PacingSettings;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * One simulated day of a campaign at {@code trafficMultiple} x the traffic that would spend its
 * budget exactly: each request the pacer admits is served; its billable event (impression, or a
 * click with probability pCTR for CPC) reaches the stats consumer after a delay and is confirmed.
 * Reports delivered spend (what the events were worth, uncapped) and billed spend (capped at
 * budget x (1 + headroom), as the consumer bills) against the budget.
 */
public final class PacingSimulation {
    public record Result(BidStrategy strategy, long budgetMicros, long requests, long served, double deliveredMicros,
                         double billedMicros) {
        double overspendPercent() {
            return Math.max(0, deliveredMicros - budgetMicros) * 100.0 / budgetMicros;
        }

        double billedOverPercent() {
            return Math.max(0, billedMicros - budgetMicros) * 100.0 / budgetMicros;
        }

        double deliveredPercent() {
            return deliveredMicros * 100.0 / budgetMicros;
        }
    }

    private record Pending(long atMs, double cost) {
    }

    public static Result run(BidStrategy strategy, long budgetMicros, long chargeMicros, double pCtr,
                             double trafficMultiple, long confirmDelayMs, long seed) {
        PacingSettings settings = PacingSettings.DEFAULT;
        BudgetPacer pacer = new BudgetPacer(settings);
        Random rnd = new Random(seed);
        double expected = strategy == BidStrategy.CPC ? chargeMicros * pCtr : chargeMicros;
        double normalRequestsPerDay = budgetMicros / expected;
        double perMs = normalRequestsPerDay * trafficMultiple / 86_400_000.0;
        ArrayDeque<Pending> inFlight = new ArrayDeque<>();
        long requests = 0;
        long served = 0;
        double delivered = 0;
        double billed = 0;
        long cap = (long) Math.floor(budgetMicros * (1 + settings.headroomFraction()));
        double carry = 0;
        for (long t = 0; t < 86_400_000L; t += 10) {
            while (!inFlight.isEmpty() && inFlight.peekFirst().atMs() <= t) {
                Pending p = inFlight.pollFirst();
                delivered += p.cost();
                long charge = (long) Math.max(0, Math.min(p.cost(), cap - billed));
                billed += charge;
                pacer.confirm(1, 0, charge);
            }
            carry += perMs * 10;
            while (carry >= 1) {
                carry -= 1;
                requests++;
                if (pacer.tryReserve(1, budgetMicros, 0, t / 86_400_000.0, t, expected)) {
                    served++;
                    boolean billable = strategy != BidStrategy.CPC || rnd.nextDouble() < pCtr;
                    if (billable) {
                        inFlight.addLast(new Pending(t + confirmDelayMs, chargeMicros));
                    }
                }
            }
        }
        while (!inFlight.isEmpty()) {
            Pending p = inFlight.pollFirst();
            delivered += p.cost();
            billed += Math.max(0, Math.min(p.cost(), cap - billed));
        }
        return new Result(strategy, budgetMicros, requests, served, delivered, billed);
    }
}
