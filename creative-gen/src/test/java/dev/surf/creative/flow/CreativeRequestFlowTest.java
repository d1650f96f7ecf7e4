package dev.surf.creative.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.creative.llm.TinyModel;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CreativeBrief;
import dev.surf.events.v1.CreativeDeadLetter;
import dev.surf.events.v1.CreativeRequest;
import dev.surf.events.v1.CreativeResult;
import dev.surf.events.v1.CreativeVariant;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Requests in, results and dead letters out, through the real broker, PostgreSQL and llama.cpp. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class CreativeRequestFlowTest {
    @Inject
    HandledRequests handled;

    private static CreativeRequest request(String id, int count) {
        return CreativeRequest.newBuilder().setRequestId(id).setTimeMs(System.currentTimeMillis())
                .setAdvertiserId(5).setCampaignId(50).setCount(count).setSeed(3)
                .setLandingUrl("https://beans.example.com")
                .setBrief(CreativeBrief.newBuilder().setProduct("single-origin coffee beans").setOffer("free shipping")
                        .setAudience("home baristas").setTone("warm").setLanguage("en"))
                .build();
    }

    private static void send(CreativeRequest... requests) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(KafkaSettings.producer(SurfTestResource.broker().bootstrapServers(), "flow-test"))) {
            for (CreativeRequest r : requests) {
                p.send(new ProducerRecord<>(Topics.CREATIVE_REQUESTS.name(), Long.toString(r.getCampaignId()), r.toByteArray())).get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads a topic from the start until {@code until} holds, or fails after the timeout. */
    private static <T extends com.google.protobuf.Message> List<T> readUntil(dev.surf.events.Topic<T> topic, java.util.function.Predicate<List<T>> until) throws Exception {
        var cfg = KafkaSettings.consumer(SurfTestResource.broker().bootstrapServers(), "flow-test-" + UUID.randomUUID());
        List<T> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cfg)) {
            c.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!until.test(seen)) {
                assertTrue(System.nanoTime() < deadline, "timed out waiting on " + topic.name() + ", saw " + seen.size());
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    seen.add(topic.parse(r.value()));
                }
            }
        }
        return seen;
    }

    @Test
    void requestBecomesOneResultAndARepeatIsNotGeneratedAgain() throws Exception {
        TinyModel.assumePresent();
        String id = "req-" + UUID.randomUUID();
        String marker = "req-" + UUID.randomUUID();
        send(request(id, 2));
        List<CreativeResult> first = readUntil(Topics.CREATIVE_RESULTS, l -> l.stream().anyMatch(r -> r.getRequestId().equals(id)));
        CreativeResult result = first.stream().filter(r -> r.getRequestId().equals(id)).findFirst().orElseThrow();
        assertEquals(50, result.getCampaignId());
        assertEquals("llama.cpp:stories260K", result.getModel());
        assertEquals(2, result.getVariantsCount() + result.getRejectedCount());
        List<CreativeVariant> all = new ArrayList<>(result.getVariantsList());
        all.addAll(result.getRejectedList());
        assertEquals(List.of(3L, 4L), all.stream().map(v -> v.getSampling().getSeed()).sorted().toList());
        all.forEach(v -> assertFalse(v.getPrompt().isBlank()));
        result.getRejectedList().forEach(v -> assertTrue(v.getPolicy().getReasonsCount() > 0));
        assertEquals("published", handled.outcome(id).orElseThrow());

        // the same request again, then a new one: once the new one is answered the repeat was skipped
        send(request(id, 2), request(marker, 1));
        List<CreativeResult> after = readUntil(Topics.CREATIVE_RESULTS, l -> l.stream().anyMatch(r -> r.getRequestId().equals(marker)));
        assertEquals(1, after.stream().filter(r -> r.getRequestId().equals(id)).count(), "a repeated request id is not generated again");
    }

    @Test
    void invalidRequestGoesToDeadLetterWithTheReason() throws Exception {
        TinyModel.assumePresent(); // without a backend the flow leaves requests waiting in Kafka, by design
        String id = "bad-" + UUID.randomUUID();
        send(request(id, 0).toBuilder().setBrief(CreativeBrief.newBuilder().setProduct("")).build());
        List<CreativeDeadLetter> dead = readUntil(Topics.CREATIVE_DEAD_LETTER,
                l -> l.stream().anyMatch(d -> d.getRequest().getRequestId().equals(id)));
        CreativeDeadLetter d = dead.stream().filter(x -> x.getRequest().getRequestId().equals(id)).findFirst().orElseThrow();
        assertTrue(d.getReason().contains("count must be between 1 and 10"), d.getReason());
        assertTrue(d.getReason().contains("brief.product is required"), d.getReason());
        assertEquals("dead_lettered", handled.outcome(id).orElseThrow());
    }
}
