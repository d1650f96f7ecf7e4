package dev.surf.ranking.scoring;

import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live ONNX session with a reference count: the holder owns one reference, every batch in flight
 * one more, and the session closes when the last is released, so a swap never closes a session that
 * a request is still using.
 */
public final class LoadedModel {
    private final OrtSession session;
    private final String name;
    private final long version;
    private final String sha256;
    private final AtomicInteger refs = new AtomicInteger(1);

    public LoadedModel(OrtSession session, String name, long version, String sha256) {
        this.session = session;
        this.name = name;
        this.version = version;
        this.sha256 = sha256;
    }

    boolean tryAcquire() {
        while (true) {
            int r = refs.get();
            if (r == 0) {
                return false;
            }
            if (refs.compareAndSet(r, r + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (refs.decrementAndGet() == 0) {
            try {
                session.close();
            } catch (Exception e) {
                // closing a session only frees native memory; nothing to recover
            }
        }
    }

    public boolean isClosed() {
        return refs.get() == 0;
    }

    public OrtSession session() {
        return session;
    }

    public String name() {
        return name;
    }

    public long version() {
        return version;
    }

    public String sha256() {
        return sha256;
    }
}
