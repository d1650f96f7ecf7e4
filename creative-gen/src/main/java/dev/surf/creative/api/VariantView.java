package dev.surf.creative.api;

import dev.surf.creative.generation.GeneratedVariant;
import java.util.List;

/** A variant as the studio sees it: copy, verdict and how it was sampled. */
public record VariantView(int index, String headline, String primaryText, String description, String callToAction,
                          Policy policy, Sampling sampling, int tokens, long generationMs) {

    public record Policy(boolean passed, List<String> reasons) {
    }

    public record Sampling(float temperature, float topP, long seed, int maxTokens) {
    }

    static VariantView of(GeneratedVariant v) {
        var c = v.copy();
        var s = v.sampling();
        return new VariantView(v.index(), c == null ? null : c.headline(), c == null ? null : c.primaryText(),
                c == null ? null : c.description(), c == null ? null : c.callToAction(),
                new Policy(v.verdict().passed(), v.verdict().reasons()),
                new Sampling(s.temperature(), s.topP(), s.seed(), s.maxTokens()), v.tokens(), v.generationMs());
    }
}
