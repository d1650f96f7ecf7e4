package dev.surf.ranking.features;

import dev.surf.events.MalformedEventException;
import dev.surf.events.Topics;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.ranking.model.Counters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/** Adds one signal to the feature stores of its partition (see {@link FeatureTopology}); a malformed record is counted and skipped. */
final class SignalCounting implements Processor<String, byte[], Void, Void> {
    private final long bucketMs;
    private final SignalMeters meters;
    private KeyValueStore<String, Counters> creatives;
    private KeyValueStore<String, Counters> campaigns;
    private WindowStore<String, Counters> users;
    private WindowStore<String, Counters> userCategories;

    SignalCounting(long bucketMs, SignalMeters meters) {
        this.bucketMs = bucketMs;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        creatives = context.getStateStore(FeatureTopology.CREATIVES);
        campaigns = context.getStateStore(FeatureTopology.CAMPAIGNS);
        users = context.getStateStore(FeatureTopology.USERS);
        userCategories = context.getStateStore(FeatureTopology.USER_CATEGORIES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        UserSignal s;
        try {
            s = Topics.SIGNALS.parse(record.value());
        } catch (MalformedEventException e) {
            meters.rejected();
            return;
        }
        meters.consumed(s.getKind());
        Counters delta = switch (s.getKind()) {
            case IMPRESSION -> new Counters(1, 0, 0);
            case CLICK -> new Counters(0, 1, 0);
            case CONVERSION -> new Counters(0, 0, 1);
            default -> null; // page views and exposures are not behaviour counts
        };
        if (delta == null) {
            return;
        }
        if (s.getCreativeId() > 0) {
            add(creatives, Long.toString(s.getCreativeId()), delta);
        }
        if (s.getCampaignId() > 0) {
            add(campaigns, Long.toString(s.getCampaignId()), delta);
        }
        String user = record.key();
        if (user == null || user.isEmpty()) {
            return;
        }
        long bucket = record.timestamp() - Math.floorMod(record.timestamp(), bucketMs);
        add(users, user, bucket, delta);
        if (s.getKind() == SignalKind.CLICK) {
            add(userCategories, FeatureTopology.userCategoryKey(user, s.getContext().getCategory()), bucket, delta);
        }
    }

    private static void add(KeyValueStore<String, Counters> store, String key, Counters delta) {
        Counters old = store.get(key);
        store.put(key, old == null ? delta : old.plus(delta));
    }

    private static void add(WindowStore<String, Counters> store, String key, long bucket, Counters delta) {
        Counters old = store.fetch(key, bucket);
        store.put(key, old == null ? delta : old.plus(delta), bucket);
    }
}
