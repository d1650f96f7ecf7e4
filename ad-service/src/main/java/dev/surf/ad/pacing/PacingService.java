package dev.surf.ad.pacing;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.CandidateIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's {@link BudgetPacer}, configured, and its reconciliation with stored spend. */
@ApplicationScoped
public class PacingService {
    private final BudgetPacer pacer;

    public PacingService(@ConfigProperty(name = "surf.pacing.burst-fraction", defaultValue = "0.02") double burst,
                         @ConfigProperty(name = "surf.pacing.reservation-window-ms", defaultValue = "60000") long windowMs,
                         @ConfigProperty(name = "surf.pacing.headroom-fraction", defaultValue = "0.01") double headroom) {
        this.pacer = new BudgetPacer(new PacingSettings(burst, windowMs, headroom));
    }

    public BudgetPacer pacer() {
        return pacer;
    }

    /** Rows of (campaign id, epoch day, spend micros) from ad.campaign_spend_daily. */
    public void sync(List<long[]> rows, CandidateIndex.Snapshot snapshot) {
        long now = System.currentTimeMillis();
        for (long[] r : rows) {
            List<Candidate> cs = snapshot.byCampaign().get(r[0]);
            if (cs != null && !cs.isEmpty() && LocalDay.of(now, cs.get(0).zone()).epochDay() == r[1]) {
                pacer.syncConfirmed(r[0], r[1], r[2]);
            }
        }
    }
}
