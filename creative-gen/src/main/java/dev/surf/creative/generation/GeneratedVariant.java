package dev.surf.creative.generation;

import dev.surf.creative.llm.Sampling;
import dev.surf.creative.policy.Verdict;

/**
 * One variant as generated: the copy (null when the output did not parse), the raw text, the
 * verdict (policy, schema and near-duplicate reasons) and how it was produced.
 */
public record GeneratedVariant(int index, AdCopy copy, String rawText, Verdict verdict, Sampling sampling,
                               String prompt, long generationMs, int tokens) {
    public boolean accepted() {
        return verdict.passed();
    }
}
