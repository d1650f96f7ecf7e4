package dev.surf.creative.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.creative.llm.TinyModel;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/v1/generations against the real tiny Llama, read as the portal reads it: an SSE stream. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class GenerationResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, JsonNode data) {
    }

    static List<Event> parse(String body) throws Exception {
        List<Event> events = new ArrayList<>();
        String name = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                events.add(new Event(name, JSON.readTree(line.substring(5).strip())));
            }
        }
        return events;
    }

    @Test
    void streamsProgressVariantsWithVerdictsAndDone() throws Exception {
        TinyModel.assumePresent();
        Response r = given().contentType("application/json").accept("text/event-stream")
                .body("""
                        {"advertiserId": 7, "campaignId": 70, "count": 3, "seed": 11,
                         "landingUrl": "https://trailshoes.com/sale",
                         "brief": {"product": "trail running shoes", "offer": "20% off", "audience": "runners",
                                   "tone": "upbeat", "language": "en", "mustNotSay": ["cheap"]}}
                        """)
                .post("/api/v1/generations");
        r.then().statusCode(200).contentType(containsString("text/event-stream"));
        List<Event> events = parse(r.asString());

        assertEquals("progress", events.getFirst().name());
        assertEquals("queued", events.getFirst().data().get("phase").asText());
        List<Event> variants = events.stream().filter(e -> "variant".equals(e.name())).toList();
        assertEquals(3, variants.size());
        for (int i = 0; i < 3; i++) {
            JsonNode v = variants.get(i).data();
            assertEquals(i, v.get("index").asInt());
            assertEquals(11 + i, v.at("/sampling/seed").asLong(), "seed recorded per variant");
            assertEquals(0.8, v.at("/sampling/temperature").asDouble(), 1e-6);
            assertTrue(v.get("headline").asText().length() <= 40);
            assertTrue(v.get("policy").has("passed"));
            if (!v.at("/policy/passed").asBoolean()) {
                assertTrue(v.at("/policy/reasons").size() > 0, "a rejection carries its reasons");
            }
        }
        Event done = events.getLast();
        assertEquals("done", done.name());
        assertEquals("llama.cpp:stories260K", done.data().get("model").asText());
        assertEquals(3, done.data().get("accepted").asInt() + done.data().get("rejected").asInt());
        assertTrue(events.stream().filter(e -> "progress".equals(e.name())).count() >= 4, "queued + one per variant");
    }

    @Test
    void sameSeedGivesTheSameVariant() throws Exception {
        TinyModel.assumePresent();
        String body = """
                {"advertiserId": 7, "count": 1, "seed": 99, "brief": {"product": "coffee beans"}}""";
        JsonNode a = parse(given().contentType("application/json").body(body).post("/api/v1/generations").asString())
                .stream().filter(e -> "variant".equals(e.name())).findFirst().orElseThrow().data();
        JsonNode b = parse(given().contentType("application/json").body(body).post("/api/v1/generations").asString())
                .stream().filter(e -> "variant".equals(e.name())).findFirst().orElseThrow().data();
        assertEquals(a.get("headline"), b.get("headline"));
        assertEquals(a.get("primaryText"), b.get("primaryText"));
    }

    @Test
    void invalidInputIsProblemJson() {
        given().contentType("application/json")
                .body("""
                        {"advertiserId": 0, "count": 50, "landingUrl": "ftp://x", "brief": {"product": " "}}""")
                .post("/api/v1/generations")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors", hasItem("advertiserId must be positive"))
                .body("errors", hasItem("count must be between 1 and 10"))
                .body("errors", hasItem("brief.product is required"))
                .body("errors", hasItem("landingUrl must be an http(s) URL with a host"));
    }

    @Test
    void malformedJsonIsProblemJson() {
        given().contentType("application/json").body("{\"advertiserId\": ")
                .post("/api/v1/generations")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("title", equalTo("Malformed JSON"));
        given().contentType("application/json").body("{\"advertiserId\": \"seven\", \"count\": 1}")
                .post("/api/v1/generations")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("title", equalTo("Malformed JSON"));
        given().contentType("application/json").body("{\"advertiserId\": 1, \"count\": 1, \"surprise\": true}")
                .post("/api/v1/generations")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
    }
}
