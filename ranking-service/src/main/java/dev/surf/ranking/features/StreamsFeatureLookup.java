package dev.surf.ranking.features;

import dev.surf.ranking.model.Counters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries against this instance's feature stores. While the stores are not queryable
 * (startup, rebalance) it answers "no history" — the priors — and counts it, instead of failing Score.
 */
@ApplicationScoped
public class StreamsFeatureLookup implements FeatureLookup {
    private final KafkaStreams streams;
    private final FeatureTopology topology;
    private final Counter unavailable;

    public StreamsFeatureLookup(KafkaStreams streams, FeatureTopology topology, MeterRegistry meters) {
        this.streams = streams;
        this.topology = topology;
        this.unavailable = meters.counter("surf_features_unavailable_total");
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
        return keyValue(FeatureTopology.CREATIVES, Long.toString(creativeId));
    }

    @Override
    public Counters campaign(long campaignId) {
        return keyValue(FeatureTopology.CAMPAIGNS, Long.toString(campaignId));
    }

    private Counters keyValue(String store, String key) {
        try {
            ReadOnlyKeyValueStore<String, Counters> s = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
            Counters c = s.get(key);
            return c == null ? Counters.ZERO : c;
        } catch (InvalidStateStoreException | IllegalStateException e) {
            unavailable.increment();
            return Counters.ZERO;
        }
    }

    /** The oldest hopping window that still contains now: the one covering (almost) the whole user window. */
    private Counters windowed(String store, String key) {
        try {
            ReadOnlyWindowStore<String, Counters> s = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.windowStore()));
            Instant now = Instant.now();
            Instant from = now.minus(topology.userWindow()).plusMillis(1);
            try (WindowStoreIterator<Counters> it = s.fetch(key, from, now)) {
                return it.hasNext() ? it.next().value : Counters.ZERO;
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            unavailable.increment();
            return Counters.ZERO;
        }
    }
}
