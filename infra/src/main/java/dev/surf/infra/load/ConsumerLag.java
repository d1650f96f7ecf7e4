package dev.surf.infra.load;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the consumer groups of one topic are behind its end, from the groups' committed offsets. A
 * benchmark phase waits for zero lag before it starts, so no phase pays for the previous one's backlog.
 */
final class ConsumerLag implements AutoCloseable {
    private final Admin admin;
    private final String topic;

    ConsumerLag(String bootstrapServers, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.topic = topic;
    }

    /**
     * Records of {@code topic} not yet committed, summed over every group with members that has committed
     * offsets on it. A group without members (one a removed consumer left behind) never catches up, so
     * it is not waited for.
     */
    long total() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        long lag = 0;
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            if (g.groupState().map(s -> s == GroupState.EMPTY || s == GroupState.DEAD).orElse(false)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .forEach((tp, o) -> {
                        if (tp.topic().equals(topic) && o != null) {
                            committed.put(tp, o);
                        }
                    });
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            for (var e : committed.entrySet()) {
                lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
            }
        }
        return lag;
    }

    /** Waits until the lag is zero (or {@code maxMillis} passed); returns the lag left. */
    long awaitZero(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        long lag = -1;
        while (System.currentTimeMillis() < deadline) {
            try {
                lag = total();
                if (lag == 0) {
                    return 0;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                lag = -1;
            }
            Thread.sleep(500);
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
