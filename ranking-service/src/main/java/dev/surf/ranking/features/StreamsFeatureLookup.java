package dev.surf.ranking.features;

import dev.surf.ranking.model.Counters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries against this instance's feature stores. While the stores are not queryable
 * (startup, rebalance) it answers "no history" — the priors — and counts it, instead of failing Score.
 */
@ApplicationScoped
public class StreamsFeatureLookup implements FeatureLookup {
    private final KafkaStreams streams;
    private final FeatureTopology topology;
    private final Counter unavailable;
    // streams.store() builds a new composite view each call (costly per candidate); the view itself
    // re-resolves the local stores on every read, so one per store name is kept and reused.
    private final ConcurrentHashMap<String, ReadOnlyKeyValueStore<String, Counters>> keyValueViews = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReadOnlyWindowStore<String, Counters>> windowViews = new ConcurrentHashMap<>();

    // Per-campaign and per-creative counters are read for every candidate of every request, and an
    // interactive query resolves the stream tasks on each read: they are kept for a short time (the
    // counters move slowly; a second of staleness does not change a CTR prior).
    private final long cacheTtlNanos;
    private final ConcurrentHashMap<CacheKey, Cached> cache = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 200_000;

    private record Cached(Counters counters, long readAtNanos) {
    }

    /** Which store, whose id. */
    private record CacheKey(String store, long id) {
    }

    public StreamsFeatureLookup(KafkaStreams streams, FeatureTopology topology, MeterRegistry meters,
                                @ConfigProperty(name = "surf.features.cache-ttl") Duration cacheTtl) {
        this.streams = streams;
        this.topology = topology;
        this.unavailable = meters.counter("surf_features_unavailable_total");
        this.cacheTtlNanos = cacheTtl.toNanos();
    }

    @Override
    public Counters user(String userId) {
        return windowed(FeatureTopology.USERS, userId);
    }

    @Override
    public long userCategoryClicks(String userId, String category) {
        return windowed(FeatureTopology.USER_CATEGORIES, FeatureTopology.userCategoryKey(userId, category)).clicks();
    }

    @Override
    public Counters creative(long creativeId) {
        return keyValue(FeatureTopology.CREATIVES, creativeId);
    }

    @Override
    public Counters campaign(long campaignId) {
        return keyValue(FeatureTopology.CAMPAIGNS, campaignId);
    }

    /** Read per candidate of every request: a cache hit builds no string (the store key is made only to read). */
    private Counters keyValue(String store, long id) {
        if (cacheTtlNanos <= 0) {
            return readKeyValue(store, Long.toString(id));
        }
        CacheKey cacheKey = new CacheKey(store, id);
        long now = System.nanoTime();
        Cached hit = cache.get(cacheKey);
        if (hit != null && now - hit.readAtNanos() < cacheTtlNanos) {
            return hit.counters();
        }
        Counters fresh = readKeyValue(store, Long.toString(id));
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // crude bound: a full cache is rebuilt within one TTL
        }
        cache.put(cacheKey, new Cached(fresh, now));
        return fresh;
    }

    private Counters readKeyValue(String store, String key) {
        try {
            ReadOnlyKeyValueStore<String, Counters> s = keyValueViews.computeIfAbsent(store, n -> streams.store(
                    StoreQueryParameters.fromNameAndType(n, QueryableStoreTypes.keyValueStore())));
            // Each partition's task counts its share of a creative's or campaign's signals: add them up
            // (a range over the composite view yields the key once from every local store that has it).
            Counters sum = Counters.ZERO;
            try (KeyValueIterator<String, Counters> it = s.range(key, key)) {
                while (it.hasNext()) {
                    sum = sum.plus(it.next().value);
                }
            }
            return sum;
        } catch (InvalidStateStoreException | IllegalStateException e) {
            unavailable.increment();
            return Counters.ZERO;
        }
    }

    /** The sum of the user's buckets that start within the last user window. */
    private Counters windowed(String store, String key) {
        try {
            ReadOnlyWindowStore<String, Counters> s = windowViews.computeIfAbsent(store, n -> streams.store(
                    StoreQueryParameters.fromNameAndType(n, QueryableStoreTypes.windowStore())));
            Instant now = Instant.now();
            Instant from = now.minus(topology.userWindow()).plusMillis(1);
            Counters sum = Counters.ZERO;
            try (WindowStoreIterator<Counters> it = s.fetch(key, from, now)) {
                while (it.hasNext()) {
                    sum = sum.plus(it.next().value);
                }
            }
            return sum;
        } catch (InvalidStateStoreException | IllegalStateException e) {
            unavailable.increment();
            return Counters.ZERO;
        }
    }
}
