package dev.surf.ranking.scoring;

/** Where the batcher gets the session for a batch: the live model, or a named registry version. */
public interface ModelSource {
    /** Version value meaning "whatever is live". */
    long LIVE = -1;

    /** The model for {@code version} ({@link #LIVE} or a registry version), acquired: release it when done. */
    LoadedModel acquire(long version);

    /**
     * Whether {@link #acquire} can answer {@code version} from memory. When false, acquiring may read the
     * registry and build a session, which the batcher does off its callers' (event-loop) threads.
     */
    default boolean isReady(long version) {
        return true;
    }
}
