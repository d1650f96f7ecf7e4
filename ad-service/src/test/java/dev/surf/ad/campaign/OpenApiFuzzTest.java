package dev.surf.ad.campaign;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surf.ad.TestApi;
import dev.surf.ad.TestApi.Tenant;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks the OpenAPI document and sends generated malformed requests to every /api/v1 operation:
 * broken JSON, wrong types, huge strings, absurd numbers, unknown enum values, wrong content types,
 * bad ids, bad query parameters and headers. No response may be a 5xx, and every error is problem+json.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BAD_JSON = List.of("", "{", "}", "null", "[]", "\"text\"", "42", "{\"a\":",
            "{\"name\":\"x\",}", "{'name':'x'}", "\u0000", "[".repeat(5000), "{\"name\":\"\\ud800\"}",
            "{\"dailyBudgetMicros\":1e999}", "{\"version\":\"x\"}", "{\"campaignId\":99999999999999999999999}");
    private static final List<String> BAD_IDS = List.of("abc", "-1", "0", "1.5", "99999999999999999999",
            "9223372036854775807", "%20", "%00", "'%20OR%201=1--", "9".repeat(3000), "null", "%F0%9F%92%A5");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int sent;
    private final List<String> failures = new ArrayList<>();

    @Test
    void malformedRequestsNeverGetA5xx() throws Exception {
        Tenant t = TestApi.newTenant("fuzz");
        long campaign = TestApi.createCampaign(t, "fuzzed");
        long adSet = TestApi.createAdSet(t, campaign);
        long creative = TestApi.createCreative(t, campaign);
        JsonNode doc = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode schemas = doc.path("components").path("schemas");
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            var entry = it.next();
            String template = entry.getKey();
            if (!template.startsWith("/api/v1")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PATCH", "DELETE", "PUT").contains(method)) {
                    continue;
                }
                operations++;
                long ownId = template.startsWith("/api/v1/ad-sets") ? adSet
                        : template.startsWith("/api/v1/creatives") ? creative : campaign;
                String ownPath = template.replace("{id}", String.valueOf(ownId)).replace("{campaignId}", String.valueOf(ownId))
                        .replace("{prefix}", "surf_zzzzzzzzzzzz")
                        .replace("{requestId}", "00000000-0000-4000-8000-000000000000");
                String key = template.startsWith("/api/v1/advertisers") && !template.endsWith("/me")
                        || template.endsWith("/approve") || template.endsWith("/reject") ? TestApi.ADMIN_KEY : t.key();
                fuzzOperation(method, template, ownPath, key, op.getValue(), schemas, campaign);
            }
        }
        // Methods and routes that do not exist.
        for (String m : List.of("PUT", "OPTIONS", "TRACE", "FOO")) {
            send(m, "/api/v1/campaigns", t.key(), "application/json", "{}", Map.of());
        }
        for (String p : List.of("/api/v1/nothing", "/api/v1/campaigns/1/actions/explode", "/api/v2/campaigns",
                "/api/v1/campaigns/1/2/3", "/api/v1//campaigns")) {
            send("GET", p, t.key(), null, null, Map.of());
            send("POST", p, t.key(), "application/json", "{}", Map.of());
        }
        System.out.printf("OpenAPI fuzz: %d requests over %d operations, %d responses >= 500%n",
                sent, operations, failures.size());
        assertTrue(operations >= 30, "the document lists the API's operations: " + operations);
        assertTrue(failures.isEmpty(), failures.size() + " bad responses, first: "
                + failures.subList(0, Math.min(10, failures.size())));
    }

    private void fuzzOperation(String method, String template, String ownPath, String key, JsonNode op,
            JsonNode schemas, long campaign) throws Exception {
        for (String id : BAD_IDS) {
            if (template.contains("{")) {
                String path = template.replaceAll("\\{[^}]+}", id);
                send(method, path, key, "application/json", "{}", Map.of());
            }
        }
        send(method, ownPath, key, null, null, Map.of("If-Match", "garbage\"\""));
        send(method, ownPath, key, null, null, Map.of("If-Match", "\"99999999999999999999\""));
        send(method, ownPath, key, null, null, Map.of("Idempotency-Key", "k".repeat(300)));
        send(method, ownPath, key, null, null, Map.of("Accept", "application/xml"));
        for (JsonNode param : op.path("parameters")) {
            if ("query".equals(param.path("in").asText())) {
                String name = param.path("name").asText();
                for (String v : List.of("-1", "abc", "99999999999", "%27%3B--", "x".repeat(2000), "")) {
                    send(method, ownPath + "?" + name + "=" + v, key, null, null, Map.of());
                }
            }
        }
        JsonNode requestBody = op.path("requestBody").path("content");
        if (requestBody.isMissingNode() || requestBody.isEmpty()) {
            if (!"GET".equals(method) && !"DELETE".equals(method)) {
                send(method, ownPath, key, "application/json", "{\"unexpected\":true}", Map.of());
            }
            return;
        }
        String mediaType = requestBody.fieldNames().next();
        for (String body : BAD_JSON) {
            send(method, ownPath, key, mediaType, body, Map.of("If-Match", "\"0\""));
        }
        for (String ct : CONTENT_TYPES) {
            send(method, ownPath, key, ct, "{\"name\":\"x\"}", Map.of("If-Match", "\"0\""));
        }
        JsonNode schema = resolve(requestBody.path(mediaType).path("schema"), schemas);
        ObjectNode valid = validBody(schema, campaign);
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            var prop = it.next();
            for (JsonNode bad : mutations(resolve(prop.getValue(), schemas))) {
                ObjectNode body = valid.deepCopy();
                body.set(prop.getKey(), bad);
                send(method, ownPath, key, mediaType, JSON.writeValueAsString(body), Map.of("If-Match", "\"0\""));
            }
        }
        ObjectNode unknown = valid.deepCopy();
        unknown.put("isAdmin", true);
        send(method, ownPath, key, mediaType, JSON.writeValueAsString(unknown), Map.of("If-Match", "\"0\""));
    }

    private static ObjectNode validBody(JsonNode schema, long campaign) {
        ObjectNode body = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            var prop = it.next();
            if (prop.getValue().has("example")) {
                body.set(prop.getKey(), prop.getValue().get("example"));
            }
        }
        if (body.has("campaignId")) {
            body.put("campaignId", campaign);
        }
        body.remove("adSetId");
        return body;
    }

    private static List<JsonNode> mutations(JsonNode schema) {
        var f = JSON.getNodeFactory();
        List<JsonNode> out = new ArrayList<>(List.of(f.nullNode(), f.objectNode(), f.booleanNode(true),
                f.textNode("x".repeat(100_000)), f.numberNode(-1), f.numberNode(new java.math.BigInteger("1" + "0".repeat(40))),
                f.numberNode(1.5), f.textNode(""), f.textNode("\u0000<script>")));
        out.add(f.arrayNode().add("x".repeat(5000)).add(f.nullNode()).add(-7));
        if (schema.has("enum")) {
            out.add(f.textNode("NOT_A_VALUE"));
        }
        return out;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0), schemas);
        }
        return s;
    }

    private void send(String method, String path, String key, String contentType, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        sent++;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500 || (r.statusCode() >= 400 && !type.startsWith("application/problem+json"))) {
            failures.add(method + " " + clip(path) + " [" + contentType + "] " + clip(String.valueOf(body)) + " -> "
                    + r.statusCode() + " " + type + " " + clip(r.body()));
        }
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
