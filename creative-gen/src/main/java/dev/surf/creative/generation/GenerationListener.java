package dev.surf.creative.generation;

/** Follows a generation as it happens (the SSE endpoint streams these). */
public interface GenerationListener {
    GenerationListener NONE = new GenerationListener() {
    };

    /** Variant {@code index} (0-based) of {@code count} enters {@code phase} (queued, generating). */
    default void progress(int index, int count, String phase) {
    }

    default void token(int index, String piece) {
    }

    default void variant(GeneratedVariant variant) {
    }

    /** Checked between variants: a client that went away stops the work. */
    default boolean cancelled() {
        return false;
    }
}
