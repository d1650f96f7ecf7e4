package dev.surf.ranking.features;

import dev.surf.events.ProtobufSerde;
import dev.surf.events.Topics;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.ranking.model.Counters;
import dev.surf.ranking.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The feature store: Kafka Streams over surf.signals.v1 (keyed by user id) keeping
 * <ul>
 *   <li>{@value #CREATIVES} / {@value #CAMPAIGNS}: all-time impression, click and conversion counts
 *       (smoothed into CTR/CVR priors by the feature builder)</li>
 *   <li>{@value #USERS}: per-user counts in hopping windows of the user window, advancing daily</li>
 *   <li>{@value #USER_CATEGORIES}: per user and ad category, the same windows</li>
 * </ul>
 * The scorer queries the stores in-process ({@link StreamsFeatureLookup}).
 */
@ApplicationScoped
public class FeatureTopology {
    public static final String CREATIVES = "creative-counters";
    public static final String CAMPAIGNS = "campaign-counters";
    public static final String USERS = "user-counters";
    public static final String USER_CATEGORIES = "user-category-counters";

    private final Duration userWindow;

    public FeatureTopology(TrainingConfig training) {
        this.userWindow = training.userWindow();
    }

    public Duration userWindow() {
        return userWindow;
    }

    /** Windows advance a day at a time (or the whole window when it is shorter). */
    public Duration advance() {
        return userWindow.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : userWindow;
    }

    @Produces
    public Topology topology() {
        StreamsBuilder b = new StreamsBuilder();
        CountersSerde counters = new CountersSerde();
        KStream<String, UserSignal> signals = b.stream(Topics.SIGNALS.name(),
                        Consumed.with(Serdes.String(), new ProtobufSerde<>(Topics.SIGNALS)))
                .filter((user, s) -> s != null && countable(s.getKind()));
        KStream<String, Counters> deltas = signals.mapValues(FeatureTopology::delta);

        signals.filter((user, s) -> s.getCreativeId() > 0)
                .map((user, s) -> org.apache.kafka.streams.KeyValue.pair(Long.toString(s.getCreativeId()), delta(s)))
                .groupByKey(Grouped.with(Serdes.String(), counters))
                .reduce(Counters::plus, Materialized.<String, Counters, KeyValueStore<Bytes, byte[]>>as(CREATIVES)
                        .withKeySerde(Serdes.String()).withValueSerde(counters));
        signals.filter((user, s) -> s.getCampaignId() > 0)
                .map((user, s) -> org.apache.kafka.streams.KeyValue.pair(Long.toString(s.getCampaignId()), delta(s)))
                .groupByKey(Grouped.with(Serdes.String(), counters))
                .reduce(Counters::plus, Materialized.<String, Counters, KeyValueStore<Bytes, byte[]>>as(CAMPAIGNS)
                        .withKeySerde(Serdes.String()).withValueSerde(counters));

        TimeWindows windows = TimeWindows.ofSizeAndGrace(userWindow, Duration.ofHours(1)).advanceBy(advance());
        deltas.filter((user, d) -> user != null && !user.isEmpty())
                .groupByKey(Grouped.with(Serdes.String(), counters))
                .windowedBy(windows)
                .reduce(Counters::plus, Materialized.<String, Counters, WindowStore<Bytes, byte[]>>as(USERS)
                        .withKeySerde(Serdes.String()).withValueSerde(counters).withRetention(userWindow.plus(advance()).plusHours(1)));
        signals.filter((user, s) -> user != null && !user.isEmpty() && s.getKind() == SignalKind.CLICK)
                .map((user, s) -> org.apache.kafka.streams.KeyValue.pair(userCategoryKey(user, s.getContext().getCategory()), delta(s)))
                .groupByKey(Grouped.with(Serdes.String(), counters))
                .windowedBy(windows)
                .reduce(Counters::plus, Materialized.<String, Counters, WindowStore<Bytes, byte[]>>as(USER_CATEGORIES)
                        .withKeySerde(Serdes.String()).withValueSerde(counters).withRetention(userWindow.plus(advance()).plusHours(1)));
        return b.build();
    }

    static String userCategoryKey(String user, String category) {
        return user + '\u0000' + category;
    }

    private static boolean countable(SignalKind k) {
        return k == SignalKind.IMPRESSION || k == SignalKind.CLICK || k == SignalKind.CONVERSION;
    }

    private static Counters delta(UserSignal s) {
        return switch (s.getKind()) {
            case IMPRESSION -> new Counters(1, 0, 0);
            case CLICK -> new Counters(0, 1, 0);
            case CONVERSION -> new Counters(0, 0, 1);
            default -> Counters.ZERO;
        };
    }
}
