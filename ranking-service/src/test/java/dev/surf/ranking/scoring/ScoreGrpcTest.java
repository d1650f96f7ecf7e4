package dev.surf.ranking.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.infra.SurfTestResource;
import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.ScoreResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** gRPC Score over the HTTP port, through the micro-batcher and a real ONNX Runtime session. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class ScoreGrpcTest {
    @TestHTTPResource("/")
    URL url;
    RankerChannel channel;

    @BeforeEach
    void open() {
        channel = new RankerChannel(url);
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.close();
    }

    @Test
    void scoresEveryCandidateInRequestOrder() {
        ScoreRequest req = RankerChannel.request("u-1", 25);
        ScoreResponse res = channel.blocking().score(req);
        assertEquals(25, res.getScoresCount());
        assertEquals("ctr", res.getModelName());
        assertFalse(res.getModelVersion().isEmpty());
        for (int i = 0; i < 25; i++) {
            assertEquals(req.getCandidates(i).getCreativeId(), res.getScores(i).getCreativeId());
            assertEquals(req.getCandidates(i).getCampaignId(), res.getScores(i).getCampaignId());
            double ctr = res.getScores(i).getPCtr();
            double cvr = res.getScores(i).getPCvr();
            assertTrue(ctr > 0 && ctr < 1 && cvr > 0 && cvr < 1, "probabilities in (0, 1): " + ctr + ", " + cvr);
        }
    }

    @Test
    void concurrentRequestsAreBatchedAndEachGetsItsOwnScores() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ScoreResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = 1 + i % 20;
                futures.add(pool.submit(() -> channel.blocking().score(RankerChannel.request("u-" + n, n))));
            }
            for (int i = 0; i < 64; i++) {
                ScoreResponse res = futures.get(i).get();
                assertEquals(1 + i % 20, res.getScoresCount());
                assertEquals(1000, res.getScores(0).getCreativeId());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidRequestsAreRefusedWithInvalidArgumentAndAClearMessage() {
        assertInvalid(r -> r.clearCandidates(), "candidates must not be empty");
        assertInvalid(r -> {
            for (int i = 0; i < 1001; i++) {
                r.addCandidates(Candidate.newBuilder().setCampaignId(1).setCreativeId(1 + i));
            }
            return r;
        }, "at most 1000 candidates per request, got 1026");
        assertInvalid(r -> r.setCandidates(3, r.getCandidates(3).toBuilder().setCampaignId(-5)),
                "candidates[3].campaign_id must be a positive id, got -5");
        assertInvalid(r -> r.setCandidates(0, r.getCandidates(0).toBuilder().setCreativeId(0)),
                "candidates[0].creative_id must be a positive id, got 0");
        assertInvalid(r -> r.setUser(r.getUser().toBuilder().setUserId(" ")), "user.user_id is required");
        assertInvalid(r -> r.setContext(ScoreContext.newBuilder().setHourOfDay(24)), "context.hour_of_day must be within 0..23");
        assertInvalid(r -> r.setUser(r.getUser().toBuilder().setAge(-3)), "user.age must be within 0..150");
        assertInvalid(r -> r.setModelVersion("latest"), "model_version must be empty (the live model) or a registry version number");
        assertInvalid(r -> r.setCandidates(7, r.getCandidates(7).toBuilder().addCategories("golf\u0007")),
                "candidates[7].categories[1] contains control characters");
        assertInvalid(r -> r.setCandidates(2, r.getCandidates(2).toBuilder().setCategories(0, "x".repeat(300))),
                "candidates[2].categories[0] is longer than 256 characters");
        assertInvalid(r -> r.setUser(r.getUser().toBuilder().addInterests("ok").addInterests("bad\n")),
                "user.interests[2] contains control characters");
        assertInvalid(r -> r.setContext(r.getContext().toBuilder().setDevice("tab\tlet")), "context.device contains control characters");
    }

    private void assertInvalid(UnaryOperator<ScoreRequest.Builder> change, String message) {
        ScoreRequest bad = change.apply(RankerChannel.request("u-bad", 25).toBuilder()).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> channel.blocking().score(bad));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains(message), e.getStatus().getDescription());
    }
}
