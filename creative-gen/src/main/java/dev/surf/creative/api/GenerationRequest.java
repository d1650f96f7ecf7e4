package dev.surf.creative.api;

import java.util.List;

/** Body of POST /api/v1/generations (the portal's creative studio). */
public record GenerationRequest(String requestId, Long advertiserId, Long campaignId, Brief brief, Integer count,
                                String landingUrl, List<String> bannedTerms, Long seed) {

    public record Brief(String product, String offer, String audience, String tone, String language,
                        List<String> mustSay, List<String> mustNotSay) {
    }
}
