package dev.surf.ad.experiment.assign;

import dev.surf.ad.experiment.TargetKind;
import java.util.Map;
import java.util.Set;

/**
 * The variant a user is in for one running experiment, and what it changes. For a creative-set
 * experiment, {@code withheldCreatives} are the creatives only other variants may show.
 */
public record Assignment(String experimentKey, String variantKey, TargetKind target, Map<String, String> params,
                         Set<Long> withheldCreatives) {
    public Assignment {
        withheldCreatives = withheldCreatives == null ? Set.of() : Set.copyOf(withheldCreatives);
    }
}
