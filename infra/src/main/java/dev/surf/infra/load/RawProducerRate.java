package dev.surf.infra.load;

import dev.surf.events.EventIds;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.UserSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The raw engine a tracking ingest figure is compared with: a bare KafkaProducer with Surf's producer
 * settings writing records to surf.signals.v1, at most {@code window} unacknowledged at a time (like
 * that many beacons in flight). Each record is {@code template} with fresh event, decision and user
 * ids: pass an impression of a real ad and the consumers downstream do the same work for these
 * records as for the beacons' (pass a page view and they mostly skip them).
 */
public final class RawProducerRate {
    private RawProducerRate() {
    }

    /** Records per second acknowledged by the broker. */
    public static double measure(String bootstrapServers, int n, int window, UserSignal template) throws InterruptedException {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "bench-raw"))) {
            List<byte[]> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(template.toBuilder().setEventId(EventIds.random()).setTimeMs(System.currentTimeMillis())
                        .setUserId("raw-user-" + i).setDecisionId(EventIds.random()).build().toByteArray());
            }
            try {
                p.send(new ProducerRecord<>(Topics.SIGNALS.name(), "warm", values.getFirst())).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("broker at " + bootstrapServers + " does not accept records: " + e, e);
            }
            Semaphore inFlight = new Semaphore(window);
            CountDownLatch done = new CountDownLatch(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                inFlight.acquire();
                p.send(new ProducerRecord<>(Topics.SIGNALS.name(), "bench-user-" + i, values.get(i)), (m, e) -> {
                    inFlight.release();
                    done.countDown();
                });
            }
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("raw producer did not finish in 5 minutes");
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }
}
