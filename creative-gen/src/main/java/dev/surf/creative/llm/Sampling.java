package dev.surf.creative.llm;

/** Sampling settings, recorded with each variant so a run can be repeated. */
public record Sampling(float temperature, float topP, long seed, int maxTokens) {
    public Sampling {
        if (temperature < 0 || topP <= 0 || topP > 1 || maxTokens <= 0) {
            throw new IllegalArgumentException("invalid sampling settings");
        }
    }

    public Sampling withSeed(long newSeed) {
        return new Sampling(temperature, topP, newSeed, maxTokens);
    }
}
