package dev.surf.ranking.training;

import dev.surf.events.v1.SignalContext;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Signals drawn from a known model: each creative has its own true CTR (x2 on mobile), each campaign
 * its own CVR; clicks follow impressions by up to 30 minutes, conversions clicks by up to 2 hours.
 */
public final class SyntheticSignals {
    private SyntheticSignals() {
    }

    public static double trueCtr(long creative, String device) {
        double base = 0.01 + 0.08 * ((creative * 37) % 10) / 10.0;
        return device.equals("mobile") ? Math.min(0.9, base * 2) : base;
    }

    public static double trueCvr(long campaign) {
        return 0.05 + 0.4 * ((campaign * 13) % 5) / 5.0;
    }

    public static List<UserSignal> generate(int impressions, long seed, long startMs) {
        Random rnd = new Random(seed);
        List<UserSignal> out = new ArrayList<>();
        String[] devices = {"mobile", "desktop"};
        String[] categories = {"sports", "travel", "food"};
        for (int i = 0; i < impressions; i++) {
            long t = startMs + i * 10_000L;
            long campaign = 1 + rnd.nextInt(6);
            long creative = campaign * 100 + rnd.nextInt(4);
            String device = devices[rnd.nextInt(2)];
            String user = "user-" + rnd.nextInt(300);
            String decision = "d-" + i;
            SignalContext ctx = SignalContext.newBuilder().setDevice(device).setCountry(rnd.nextBoolean() ? "DE" : "FR")
                    .setCategory(categories[(int) (campaign % 3)]).build();
            UserSignal imp = UserSignal.newBuilder().setEventId("imp-" + i).setTimeMs(t).setKind(SignalKind.IMPRESSION)
                    .setUserId(user).setDecisionId(decision).setAdvertiserId(campaign % 2 + 1).setCampaignId(campaign)
                    .setAdSetId(campaign * 10).setCreativeId(creative).setPlacement("feed").setContext(ctx).build();
            out.add(imp);
            if (rnd.nextDouble() < trueCtr(creative, device)) {
                long ct = t + 1_000 + rnd.nextInt(30 * 60_000);
                out.add(imp.toBuilder().setEventId("clk-" + i).setTimeMs(ct).setKind(SignalKind.CLICK).build());
                if (rnd.nextDouble() < trueCvr(campaign)) {
                    out.add(imp.toBuilder().setEventId("cnv-" + i).setTimeMs(ct + rnd.nextInt(2 * 3_600_000))
                            .setKind(SignalKind.CONVERSION).build());
                }
            }
        }
        return out;
    }
}
