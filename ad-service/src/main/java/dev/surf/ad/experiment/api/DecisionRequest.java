package dev.surf.ad.experiment.api;

/** Body of POST /api/v1/experiments/{id}/decisions: SHIP (with variantKey), STOP or EXTEND. */
public record DecisionRequest(String decision, String variantKey, String reason) {
}
