package dev.surf.ranking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health (database and Kafka checks included), Prometheus metrics and the OpenAPI document answer. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithDatabaseAndKafka() throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L; // the scoring warm-up runs right after startup
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Scoring warm-up"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
    }

    @Test
    void metricsAndOpenApiAnswer() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
