package dev.surf.creative.dedup;

/**
 * The default cosine threshold for near-duplicates with all-MiniLM-L6-v2 (quantized). Rewordings of
 * the same ad measure about 0.85-0.97 with it, different angles on the same product about
 * 0.4-0.7 (see NearDuplicateFilterTest); 0.85 sits between them. Configurable as
 * creative.dedup.threshold.
 */
public final class DedupDefaults {
    public static final double THRESHOLD = 0.85;

    private DedupDefaults() {
    }
}
