package dev.surf.ad.experiment.assign;

import dev.surf.ad.experiment.TargetKind;
import java.util.Map;

/** The variant a user is in for one running experiment, and what it changes. */
public record Assignment(String experimentKey, String variantKey, TargetKind target, Map<String, String> params) {
}
