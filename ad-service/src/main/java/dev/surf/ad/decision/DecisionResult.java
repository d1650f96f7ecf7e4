package dev.surf.ad.decision;

import java.util.List;

/** Response of POST /v1/decisions. Prices are in micros; {@code scoring} says model or prior fallback. */
public record DecisionResult(String decisionId, List<Ad> ads, String scoring, String modelVersion) {

    public record Ad(long campaignId, long adSetId, long creativeId, long advertiserId,
                     String headline, String primaryText, String description, String callToAction, String imageUrl,
                     String billing, long chargeMicros, double ecpmMicros, double clearingEcpmMicros,
                     double pCtr, double pCvr, Tracking tracking) {
    }

    public record Tracking(String impressionUrl, String clickUrl) {
    }
}
