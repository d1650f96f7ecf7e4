package dev.surf.creative.generation;

import dev.surf.creative.dedup.SentenceEmbedder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Loads the MiniLM ONNX session lazily, once, and closes it at shutdown. */
@ApplicationScoped
public class EmbedderHolder {
    private SentenceEmbedder embedder;

    public synchronized SentenceEmbedder get() {
        if (embedder == null) {
            try {
                embedder = SentenceEmbedder.fromClasspath();
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the sentence embedding model: " + e.getMessage(), e);
            }
        }
        return embedder;
    }

    @PreDestroy
    synchronized void close() throws Exception {
        if (embedder != null) {
            embedder.close();
        }
    }
}
