package dev.surf.ad.experiment.assign;

import dev.surf.ad.auction.AuctionParameters;
import dev.surf.ad.auction.AuctionParametersHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies the running experiments in the decision path: the variants a user is in may change the
 * auction reserve or the ranking model version; a decision that served an ad logs one exposure.
 */
@ApplicationScoped
public class ExperimentAuctionHook implements AuctionParametersHook {
    private static final Logger LOG = Logger.getLogger(ExperimentAuctionHook.class);
    private final ExperimentAssigner assigner;
    private final ExposureLogger exposures;

    public ExperimentAuctionHook(ExperimentAssigner assigner, ExposureLogger exposures) {
        this.assigner = assigner;
        this.exposures = exposures;
    }

    @Override
    public AuctionParameters resolve(String userId, String placement, AuctionParameters defaults) {
        return apply(assigner.assign(userId), defaults);
    }

    /** The auction parameters for a user in these variants. */
    static AuctionParameters apply(List<Assignment> assignments, AuctionParameters defaults) {
        if (assignments.isEmpty()) {
            return defaults;
        }
        long reserve = defaults.reserveCpmMicros();
        String model = defaults.modelVersion();
        Map<String, String> variants = new HashMap<>(defaults.variants());
        Set<Long> withheld = new HashSet<>(defaults.withheldCreatives());
        for (Assignment a : assignments) {
            variants.put(a.experimentKey(), a.variantKey());
            switch (a.target()) {
                case RESERVE_PRICE -> reserve = Long.parseLong(a.params().get("reservePriceMicros"));
                case RANKING_MODEL_VERSION -> model = a.params().get("modelVersion");
                case CREATIVE_SET -> withheld.addAll(a.withheldCreatives()); // applied by CreativeSetFilter
            }
        }
        return new AuctionParameters(reserve, model, variants, withheld);
    }

    @Override
    public void served(String userId, String decisionId, AuctionParameters used) {
        if (used.variants().isEmpty()) {
            return;
        }
        List<Assignment> exposed = assigner.assign(userId).stream()
                .filter(a -> a.variantKey().equals(used.variants().get(a.experimentKey()))).toList();
        exposures.logExposure(userId, decisionId, exposed).whenComplete((meta, error) -> {
            if (error != null) {
                LOG.warnf("exposure for decision %s not logged: %s", decisionId, error.getMessage());
            }
        });
    }
}
