package dev.surf.ad.creative;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A background generation request as the API shows it. draftIds are the draft creatives stored from
 * its result (variants that broke the creative rules are not stored); rejected counts the variants
 * creative-gen's policy or near-duplicate checks removed; failureReason is the dead letter's reason.
 */
public record GenerationRequestView(String id, long campaignId, GenerationRequestStatus status, int count,
        String landingUrl, JsonNode brief, Instant createdAt, Instant finishedAt, String model, Integer draftsStored,
        List<Long> draftIds, Integer rejected, String failureReason, Integer attempts) {
}
