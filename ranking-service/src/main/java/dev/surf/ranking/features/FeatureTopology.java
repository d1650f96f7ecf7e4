package dev.surf.ranking.features;

import dev.surf.events.Topics;
import dev.surf.ranking.training.TrainingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * The feature store: Kafka Streams over surf.signals.v1 (keyed by user id), one processor
 * ({@link SignalCounting}) updating four stores per signal:
 * <ul>
 *   <li>{@value #CREATIVES} / {@value #CAMPAIGNS}: all-time impression, click and conversion counts
 *       (smoothed into CTR/CVR priors by the feature builder). Counted where the signal arrives, without
 *       re-keying it through a repartition topic: each partition's task holds a part of a creative's
 *       counts and {@link StreamsFeatureLookup} adds the parts up.</li>
 *   <li>{@value #USERS}: per-user counts in {@link #bucket() buckets} of a day (or of the whole user window
 *       when shorter); the lookup adds up the buckets of the last user window.</li>
 *   <li>{@value #USER_CATEGORIES}: per user and ad category clicks, the same buckets.</li>
 * </ul>
 * One bucket write per signal instead of a write to every hopping window that contains it, and no
 * repartition topics: the broker and this process handle each signal once.
 */
@ApplicationScoped
public class FeatureTopology {
    public static final String CREATIVES = "creative-counters";
    public static final String CAMPAIGNS = "campaign-counters";
    public static final String USERS = "user-counters";
    public static final String USER_CATEGORIES = "user-category-counters";

    private final Duration userWindow;
    private final SignalMeters meters;

    public FeatureTopology(TrainingConfig training, MeterRegistry registry) {
        this.userWindow = training.userWindow();
        this.meters = new SignalMeters(registry);
    }

    public Duration userWindow() {
        return userWindow;
    }

    /** User counts are kept per day (or per whole window when it is shorter than a day). */
    public Duration bucket() {
        return userWindow.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : userWindow;
    }

    @Produces
    public Topology topology() {
        StreamsBuilder b = new StreamsBuilder();
        CountersSerde counters = new CountersSerde();
        for (String name : new String[] {CREATIVES, CAMPAIGNS}) {
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), counters)
                    .withCachingEnabled());
        }
        Duration retention = userWindow.plus(bucket()).plusHours(1);
        for (String name : new String[] {USERS, USER_CATEGORIES}) {
            b.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, bucket(), false),
                    Serdes.String(), counters).withCachingEnabled());
        }
        // Values are parsed in the processor, which counts a malformed one instead of only logging it.
        b.stream(Topics.SIGNALS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new SignalCounting(bucket().toMillis(), meters), CREATIVES, CAMPAIGNS, USERS, USER_CATEGORIES);
        return b.build();
    }

    static String userCategoryKey(String user, String category) {
        return user + '\u0000' + category;
    }
}
