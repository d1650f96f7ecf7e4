package dev.surf.creative.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CreativeBrief;
import dev.surf.events.v1.CreativeDeadLetter;
import dev.surf.events.v1.CreativeRequest;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A request that keeps failing: the service talks to an OpenAI-compatible server that is not
 * there, so every attempt fails, and after the configured attempts the request is dead-lettered.
 */
@QuarkusTest
@TestProfile(DeadLetterAfterRetriesTest.UnreachableServer.class)
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterAfterRetriesTest {

    public static class UnreachableServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("creative.llm.backend", "openai",
                    "creative.llm.openai.base-url", "http://127.0.0.1:" + port + "/v1",
                    "creative.llm.openai.max-attempts", "1",
                    "creative.llm.openai.connect-timeout", "PT1S",
                    "creative.consumer.max-attempts", "2",
                    "creative.consumer.backoff", "PT0.01S");
        }
    }

    @Test
    void failingRequestIsDeadLetteredWithReasonAndAttempts() throws Exception {
        String id = "failing-" + UUID.randomUUID();
        CreativeRequest request = CreativeRequest.newBuilder().setRequestId(id).setAdvertiserId(9).setCampaignId(90).setCount(1)
                .setBrief(CreativeBrief.newBuilder().setProduct("garden chairs")).build();
        String bootstrap = SurfTestResource.broker().bootstrapServers();
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "dlt-test"))) {
            p.send(new ProducerRecord<>(Topics.CREATIVE_REQUESTS.name(), "90", request.toByteArray())).get(10, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "dlt-test-" + UUID.randomUUID()))) {
            c.subscribe(List.of(Topics.CREATIVE_DEAD_LETTER.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                assertTrue(System.nanoTime() < deadline, "no dead letter for " + id);
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    CreativeDeadLetter d = Topics.CREATIVE_DEAD_LETTER.parse(r.value());
                    if (d.getRequest().getRequestId().equals(id)) {
                        assertEquals(2, d.getAttempts());
                        assertTrue(d.getReason().contains("connection refused"), d.getReason());
                        assertEquals("90", r.key());
                        return;
                    }
                }
            }
        }
    }
}
