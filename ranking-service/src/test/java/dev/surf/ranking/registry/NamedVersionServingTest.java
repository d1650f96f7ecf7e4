package dev.surf.ranking.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.infra.SurfTestResource;
import dev.surf.ranking.scoring.RankerChannel;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.ScoreResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * An A/B test's candidate model served next to the live one: a Score request that names a registry
 * version is scored by that version (loaded on demand), the others by the live model; an unknown,
 * retired or malformed version is refused with a clear gRPC status.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class NamedVersionServingTest {
    @TestHTTPResource("/")
    URL url;

    @Test
    void aNamedCandidateVersionScoresOnlyTheRequestsThatAskForIt() throws Exception {
        String live = given().get("/api/v1/models/live").then().statusCode(200).extract().path("version").toString();
        int candidate = given().contentType("application/octet-stream").body(TestModels.random(7))
                .post("/api/v1/models").then().statusCode(201).extract().path("version");
        try (RankerChannel channel = new RankerChannel(url)) {
            ScoreRequest plain = RankerChannel.request("ab-user", 20);
            ScoreRequest named = plain.toBuilder().setModelVersion(Integer.toString(candidate)).build();

            ScoreResponse fromLive = channel.blocking().score(plain);
            ScoreResponse fromCandidate = channel.blocking().score(named);
            assertEquals(live, fromLive.getModelVersion());
            assertEquals(Integer.toString(candidate), fromCandidate.getModelVersion(), "scored by the named version");
            assertEquals(20, fromCandidate.getScoresCount());
            boolean differs = false;
            for (int i = 0; i < 20; i++) {
                differs |= fromLive.getScores(i).getPCtr() != fromCandidate.getScores(i).getPCtr();
            }
            assertTrue(differs, "the candidate's weights differ from the live model's, so must its scores");
            assertEquals(live, channel.blocking().score(plain).getModelVersion(), "the live model still serves the rest");
            assertEquals(live, channel.blocking().score(plain.toBuilder().setModelVersion(live).build()).getModelVersion());

            StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
                    () -> channel.blocking().score(plain.toBuilder().setModelVersion("987654").build()));
            assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
            assertTrue(unknown.getStatus().getDescription().contains("not in the registry"), unknown.getMessage());

            StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class,
                    () -> channel.blocking().score(plain.toBuilder().setModelVersion("v2").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());

            // Promote the candidate and roll back: the candidate is retired and can no longer be asked for.
            given().post("/api/v1/models/" + candidate + "/promote").then().statusCode(200);
            given().post("/api/v1/models/rollback").then().statusCode(200);
            given().get("/api/v1/models/" + candidate).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("retired"));
            StatusRuntimeException retired = awaitRefused(channel, named);
            assertEquals(Status.Code.NOT_FOUND, retired.getStatus().getCode());
            assertTrue(retired.getStatus().getDescription().contains("retired"), retired.getMessage());
            assertNotEquals(Integer.toString(candidate), channel.blocking().score(plain).getModelVersion());
        }
    }

    /** The loaded copy is dropped when the registry's change event arrives; until then it may still answer. */
    private static StatusRuntimeException awaitRefused(RankerChannel channel, ScoreRequest request) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                channel.blocking().score(request);
            } catch (StatusRuntimeException e) {
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("a retired version was still served after 30 s");
    }
}
