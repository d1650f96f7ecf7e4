package dev.surf.ranking.scoring;

/** Where the batcher gets the session for a batch: the live model, or a named registry version. */
public interface ModelSource {
    /** Version value meaning "whatever is live". */
    long LIVE = -1;

    /** The model for {@code version} ({@link #LIVE} or a registry version), acquired: release it when done. */
    LoadedModel acquire(long version);
}
