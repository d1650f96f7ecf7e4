package dev.surf.creative.generation;

import dev.surf.events.v1.CreativeBrief;
import java.util.List;

/** One request for variants, from Kafka or REST, after validation. seed 0 = choose one. */
public record GenerationJob(String requestId, long advertiserId, long campaignId, CreativeBrief brief, int count,
                            String landingUrl, List<String> bannedTerms, long seed) {
}
