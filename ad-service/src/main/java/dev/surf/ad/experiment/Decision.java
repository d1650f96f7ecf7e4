package dev.surf.ad.experiment;

import java.time.Instant;

/** A recorded decision on an experiment, with who made it and when. */
public record Decision(long id, DecisionKind decision, String variantKey, String reason, String decidedBy, Instant decidedAt) {
}
