package dev.surf.ad.experiment.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.auction.AuctionParameters;
import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.filter.CreativeSetFilter;
import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.ExperimentRepository.Layer;
import dev.surf.ad.experiment.ExperimentStatus;
import dev.surf.ad.experiment.Metric;
import dev.surf.ad.experiment.TargetKind;
import dev.surf.ad.experiment.Variant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A creative-set experiment: each variant only ever sees its own creatives among those the experiment names. */
class CreativeSetTest {
    private static final Experiment COPY_TEST = new Experiment(7, "copy-test", "copy", "", TargetKind.CREATIVE_SET, "creative",
            100, "salt-copy", ExperimentStatus.RUNNING, Metric.CLICK_RATE, List.of(), 0, 10_000, null, null, null, null, 0,
            List.of(new Variant("human", "", 50, true, Map.of("creativeIds", "11,12")),
                    new Variant("llama", "", 50, false, Map.of("creativeIds", "21, 22,12"))),
            List.of());

    @Test
    void eachVariantWithholdsWhatOnlyTheOthersName() {
        assertEquals(Set.of(21L, 22L), AssignmentTable.withheld(COPY_TEST, COPY_TEST.variants().get(0)));
        assertEquals(Set.of(11L), AssignmentTable.withheld(COPY_TEST, COPY_TEST.variants().get(1)),
                "12 is in both sets, so both variants may show it");
    }

    @Test
    void theDecisionPathDropsWithheldCreativesForTheUsersVariant() {
        AssignmentTable table = AssignmentTable.of(List.of(new Layer(1, "creative", "layer-salt")), List.of(COPY_TEST));
        int seenHuman = 0;
        int seenLlama = 0;
        for (int u = 0; u < 200; u++) {
            String user = "user-" + u;
            String variant = table.assign(user).getFirst().variantKey();
            AuctionParameters p = ExperimentAuctionHook.apply(table.assign(user), new AuctionParameters(0, "", null));
            assertEquals(variant, p.variants().get("copy-test"));
            if (variant.equals("human")) {
                seenHuman++;
                assertEquals(Set.of(21L, 22L), p.withheldCreatives());
            } else {
                seenLlama++;
                assertEquals(Set.of(11L), p.withheldCreatives());
            }
        }
        assertTrue(seenHuman > 50 && seenLlama > 50, "a 50/50 split over 200 users: " + seenHuman + "/" + seenLlama);
    }

    @Test
    void filterRejectsOnlyWithheldCreatives() {
        var filter = new CreativeSetFilter();
        var ctx = new dev.surf.ad.decision.DecisionContext(
                new dev.surf.ad.decision.DecisionRequest("feed", new dev.surf.ad.decision.DecisionRequest.User("u", null, null,
                        null, null, List.of()), new dev.surf.ad.decision.DecisionRequest.Context(null, List.of(), null), 1)
                        .normalized(), 0, Set.of(21L));
        assertFalse(filter.accept(candidate(21), ctx));
        assertTrue(filter.accept(candidate(11), ctx));
    }

    private static Candidate candidate(long creativeId) {
        String[] none = new String[0];
        return new Candidate(1, 1, 1, creativeId, dev.surf.ad.auction.BidStrategy.CPM, 1_000_000, 10_000_000, 0, Long.MAX_VALUE,
                java.time.ZoneOffset.UTC, none, none, 0, 0, none, none, none, none, none, 0, 0, null, null, null,
                new dev.surf.ad.pacing.BudgetPacer(dev.surf.ad.pacing.PacingSettings.DEFAULT).slot(1));
    }
}
