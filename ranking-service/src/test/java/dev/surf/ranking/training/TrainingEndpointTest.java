package dev.surf.ranking.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** POST /api/v1/models/train reads the real signal topic and registers a validated candidate. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class TrainingEndpointTest {

    @Test
    void trainsFromTheSignalTopicAndRegistersACandidateWithHoldoutMetrics() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSettings.producer(SurfTestResource.broker().bootstrapServers(), "training-test"))) {
            for (UserSignal s : SyntheticSignals.generate(6_000, 11, System.currentTimeMillis() - 86_400_000L)) {
                producer.send(new ProducerRecord<>(Topics.SIGNALS.name(), s.getUserId(), s.toByteArray()));
            }
            producer.flush();
        }
        given().post("/api/v1/models/train").then().statusCode(201)
                .body("version.status", equalTo("candidate"))
                .body("version.source", equalTo("trainer"))
                .body("metrics.ctr_auc", greaterThan(0.6f))
                .body("metrics.train_examples", greaterThan(1000f))
                .body("metrics.onnx_max_abs_diff", lessThanOrEqualTo(1e-5f));
    }
}
