package dev.surf.ranking.scoring;

import java.util.concurrent.atomic.AtomicReference;

/** The live model of this replica, swapped atomically; readers get a reference-counted handle. */
public final class ModelHolder implements ModelSource {
    private final AtomicReference<LoadedModel> live = new AtomicReference<>();

    /** The live model, acquired: call {@link LoadedModel#release()} when done. */
    public LoadedModel acquire() {
        while (true) {
            LoadedModel m = live.get();
            if (m == null) {
                throw new IllegalStateException("no ranking model is loaded yet");
            }
            if (m.tryAcquire()) {
                return m;
            }
            // swapped and closed between get and acquire: read the new one
        }
    }

    /** Only the live version: named versions need {@link ServedModels}. */
    @Override
    public LoadedModel acquire(long version) {
        if (version != LIVE && version != liveVersion()) {
            throw new UnknownModelVersionException("model version " + version + " is not served here; the live version is "
                    + liveVersion());
        }
        return acquire();
    }

    /** Installs {@code next}; the previous model closes once its in-flight batches finish. */
    public void swap(LoadedModel next) {
        LoadedModel old = live.getAndSet(next);
        if (old != null) {
            old.release();
        }
    }

    /** The live model's version, or -1 before the first load. */
    public long liveVersion() {
        LoadedModel m = live.get();
        return m == null ? -1 : m.version();
    }

    public boolean isLoaded() {
        return live.get() != null;
    }
}
