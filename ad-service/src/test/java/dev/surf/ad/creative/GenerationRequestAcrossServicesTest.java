package dev.surf.ad.creative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.TestApi;
import dev.surf.infra.ServiceProcess;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole background flow with the real creative-gen process (tiny Llama, llama.cpp): ad-service
 * queues a request while creative-gen is not running (it waits in Kafka), creative-gen starts, consumes
 * it, and its variants come back as DRAFT creatives of source GENERATED; the request turns COMPLETED.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class GenerationRequestAcrossServicesTest {
    @Test
    void requestQueuedWhileCreativeGenIsDownCompletesWhenItStarts() throws Exception {
        CreativeGenProcess.assumeAvailable();
        var t = TestApi.newTenant("gen-flow");
        long campaign = TestApi.createCampaign(t, "gen flow");
        String path = "/api/v1/campaigns/" + campaign + "/creative-requests";
        // creative-gen is not running: the request is accepted and waits on surf.creative.requests.v1.
        String id = t.as().contentType(ContentType.JSON).body(GenerationRequestApiTest.brief(2)).post(path)
                .then().statusCode(202).extract().jsonPath().getString("id");
        t.as().get(path + "/" + id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("QUEUED"));

        try (ServiceProcess creativeGen = CreativeGenProcess.start(true)) {
            JsonPath done = awaitFinished(t, path + "/" + id);
            assertEquals("COMPLETED", done.getString("status"), done.prettify());
            assertEquals("llama.cpp:stories260K", done.getString("model"));
            List<Long> drafts = done.getList("draftIds", Long.class);
            // What creative-gen guarantees: every requested variant is either offered or rejected with a reason.
            assertEquals(2, drafts.size() + done.getInt("rejected"), done.prettify());
            assertEquals(drafts.size(), done.getInt("draftsStored"));
            for (long draft : drafts) {
                JsonPath c = t.as().get("/api/v1/creatives/" + draft).then().statusCode(200).extract().jsonPath();
                assertEquals("GENERATED", c.getString("source"));
                assertEquals("DRAFT", c.getString("status"));
                assertEquals(campaign, c.getLong("campaignId"));
                assertEquals(id, c.getString("generationRequest"));
                assertEquals("https://beans.example.com/spring", c.getString("landingUrl"));
                assertEquals("llama.cpp:stories260K", c.getString("generator.model"));
                assertFalse(c.getString("generator.prompt").isBlank());
                assertTrue(List.of(7L, 8L).contains(c.getLong("generator.seed")), c.prettify());
            }
            System.out.printf("creative request %s: %d drafts stored, %d rejected by creative-gen%n", id, drafts.size(),
                    done.getInt("rejected"));
        }
    }

    private static JsonPath awaitFinished(TestApi.Tenant t, String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        JsonPath last;
        do {
            last = t.as().get(url).then().statusCode(200).extract().jsonPath();
            if (!"QUEUED".equals(last.getString("status"))) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still QUEUED after 5 minutes (see creative-gen/target/service-process.log): " + last.prettify());
    }
}
