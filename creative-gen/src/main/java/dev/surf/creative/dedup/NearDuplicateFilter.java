package dev.surf.creative.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a variant only when its embedding is less similar than {@code threshold} (cosine) to every
 * variant already kept for the same request. Not thread-safe: one filter per request.
 */
public final class NearDuplicateFilter {
    /** Which kept variant a new one duplicates, and how close it is. */
    public record Duplicate(int keptIndex, double cosine) {
    }

    private final SentenceEmbedder embedder;
    private final double threshold;
    private final List<float[]> kept = new ArrayList<>();
    private final List<Integer> keptIds = new ArrayList<>();

    public NearDuplicateFilter(SentenceEmbedder embedder, double threshold) {
        this.embedder = embedder;
        this.threshold = threshold;
    }

    /** Empty when the text is new (and is now kept), else the variant it duplicates. */
    public Optional<Duplicate> offer(int id, String text) {
        float[] e = embedder.embed(text);
        for (int i = 0; i < kept.size(); i++) {
            double c = SentenceEmbedder.cosine(e, kept.get(i));
            if (c >= threshold) {
                return Optional.of(new Duplicate(keptIds.get(i), c));
            }
        }
        kept.add(e);
        keptIds.add(id);
        return Optional.empty();
    }
}
