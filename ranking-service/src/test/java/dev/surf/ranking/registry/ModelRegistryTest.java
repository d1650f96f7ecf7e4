package dev.surf.ranking.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.infra.SurfTestResource;
import dev.surf.ranking.scoring.RankerChannel;
import dev.surf.ranking.v1.ScoreResponse;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The registry over REST with the real database and broker: bad files are refused and the live model
 * stays; promote and roll back reach the serving session through surf.models.v1 while Score calls
 * keep running, with no failed request.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class ModelRegistryTest {
    @TestHTTPResource("/")
    URL url;

    @Test
    void aFreshStackServesThePriorModel() {
        given().get("/api/v1/models").then().statusCode(200).body("find { it.version == 1 }.source", equalTo("prior"));
        given().get("/api/v1/models/live").then().statusCode(200).body("status", equalTo("live"));
    }

    @Test
    void corruptOrMismatchedFilesAreRefusedAndTheLiveModelStays() {
        long live = liveVersion();
        given().contentType("application/octet-stream").body("this is not onnx".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/models").then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Invalid model")).body("detail", containsString("not a loadable ONNX model"));
        given().contentType("application/octet-stream").body(TestModels.wrongSignature())
                .post("/api/v1/models").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("expected exactly 2 inputs (sparse_ids, dense)"));
        given().contentType("application/octet-stream").body(new byte[0])
                .post("/api/v1/models").then().statusCode(422).body("detail", containsString("empty"));
        given().post("/api/v1/models/987654/promote").then().statusCode(404).contentType("application/problem+json");
        assertEquals(live, liveVersion());
    }

    @Test
    void hotSwapAndRollbackUnderConcurrentLoadFailNoRequest() throws Exception {
        long before = liveVersion();
        int candidate = given().contentType("application/octet-stream").body(TestModels.random(42))
                .post("/api/v1/models").then().statusCode(201).body("status", equalTo("candidate"))
                .extract().path("version");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        List<Throwable> failures = new ArrayList<>();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        try (RankerChannel channel = new RankerChannel(url)) {
            for (int t = 0; t < 4; t++) {
                int id = t;
                clients.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        try {
                            ScoreResponse r = channel.blocking().score(RankerChannel.request("load-" + id, 50));
                            assertEquals(50, r.getScoresCount());
                            versionsSeen.add(r.getModelVersion());
                            ok.incrementAndGet();
                        } catch (Throwable e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    }
                }));
            }
            given().post("/api/v1/models/" + candidate + "/promote").then().statusCode(200).body("status", equalTo("live"));
            awaitServed(channel, Integer.toString(candidate));
            given().post("/api/v1/models/rollback").then().statusCode(200).body("version", equalTo((int) before));
            awaitServed(channel, Long.toString(before));
            given().get("/api/v1/models/" + candidate).then().statusCode(200).body("status", equalTo("retired"));
            running.set(false);
            for (Thread c : clients) {
                c.join(30_000);
            }
        } finally {
            running.set(false);
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failed requests, first: " + failures.getFirst());
        assertTrue(ok.get() > 0);
        assertTrue(versionsSeen.contains(Integer.toString(candidate)) && versionsSeen.contains(Long.toString(before)),
                "served versions " + versionsSeen);
    }

    private static long liveVersion() {
        return ((Number) given().get("/api/v1/models/live").then().statusCode(200).extract().path("version")).longValue();
    }

    private static void awaitServed(RankerChannel channel, String version) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (channel.blocking().score(RankerChannel.request("probe", 3)).getModelVersion().equals(version)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("version " + version + " not served within 30 s");
    }
}
