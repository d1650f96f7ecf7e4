package dev.surf.ranking.scoring;

import dev.surf.ranking.registry.ModelRepository;
import dev.surf.ranking.registry.ModelVersionInfo;
import dev.surf.ranking.registry.RegistryService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The live model plus a few other registry versions loaded on demand, so an A/B experiment can send
 * part of the traffic to a candidate model by naming its version in Score. At most {@code maxNamed}
 * named versions stay loaded (least recently used goes first; its session closes once its in-flight
 * batches finish). A retired or unknown version is refused with {@link UnknownModelVersionException}.
 */
public final class ServedModels implements ModelSource {
    private static final Logger LOG = Logger.getLogger(ServedModels.class);

    private final ModelHolder live;
    private final RegistryService registry;
    private final ModelRepository repository;
    private final SessionFactory sessions;
    private final int maxNamed;
    private final LinkedHashMap<Long, LoadedModel> named = new LinkedHashMap<>(8, 0.75f, true);

    public ServedModels(ModelHolder live, RegistryService registry, ModelRepository repository, SessionFactory sessions,
                        int maxNamed) {
        this.live = live;
        this.registry = registry;
        this.repository = repository;
        this.sessions = sessions;
        this.maxNamed = maxNamed;
    }

    @Override
    public LoadedModel acquire(long version) {
        if (version == LIVE || version == live.liveVersion()) {
            return live.acquire();
        }
        synchronized (named) {
            LoadedModel m = named.get(version);
            if (m == null || !m.tryAcquire()) {
                m = load(version);
                named.put(version, m);
                evictBeyondLimit();
                if (!m.tryAcquire()) {
                    throw new IllegalStateException("model version " + version + " closed while loading");
                }
            }
            return m;
        }
    }

    @Override
    public boolean isReady(long version) {
        if (version == LIVE || version == live.liveVersion()) {
            return true;
        }
        synchronized (named) {
            LoadedModel m = named.get(version);
            return m != null && !m.isClosed();
        }
    }

    /** Drops the named versions (after a registry change: one may have been retired); reloaded on demand. */
    public void forgetNamed() {
        synchronized (named) {
            named.values().forEach(LoadedModel::release);
            named.clear();
        }
    }

    /** Versions loaded besides the live one, most recently used last. */
    public java.util.List<Long> loadedNamedVersions() {
        synchronized (named) {
            return java.util.List.copyOf(named.keySet());
        }
    }

    private LoadedModel load(long version) {
        ModelVersionInfo info = registry.find(version).orElseThrow(() -> new UnknownModelVersionException(
                "model version " + version + " of " + registry.modelName() + " is not in the registry"));
        if ("retired".equals(info.status())) {
            throw new UnknownModelVersionException("model version " + version + " is retired; promote it or use another");
        }
        byte[] onnx = repository.bytes(info.name(), version).orElseThrow(() -> new UnknownModelVersionException(
                "model version " + version + " has no stored bytes"));
        if (!RegistryService.sha256(onnx).equals(info.sha256())) {
            throw new UnknownModelVersionException("model version " + version + ": stored bytes do not match their sha256");
        }
        try {
            LoadedModel m = new LoadedModel(sessions.create(onnx), info.name(), version, info.sha256());
            LOG.infof("loaded named model version %s/%d for requests that ask for it", info.name(), version);
            return m;
        } catch (Exception e) {
            throw new UnknownModelVersionException("model version " + version + " could not be loaded: " + e.getMessage());
        }
    }

    private void evictBeyondLimit() {
        while (named.size() > maxNamed) {
            Map.Entry<Long, LoadedModel> eldest = named.entrySet().iterator().next();
            named.remove(eldest.getKey());
            eldest.getValue().release();
        }
    }
}
