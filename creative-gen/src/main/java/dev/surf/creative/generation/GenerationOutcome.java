package dev.surf.creative.generation;

import java.util.List;

/** All variants of a job, the model that wrote them and the time it took. */
public record GenerationOutcome(String requestId, String model, List<GeneratedVariant> variants, long totalMs) {
    public List<GeneratedVariant> accepted() {
        return variants.stream().filter(GeneratedVariant::accepted).toList();
    }

    public List<GeneratedVariant> rejected() {
        return variants.stream().filter(v -> !v.accepted()).toList();
    }
}
