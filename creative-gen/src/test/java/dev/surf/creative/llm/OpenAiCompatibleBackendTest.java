package dev.surf.creative.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real HTTP server started here that speaks the OpenAI chat-completions wire format
 * (SSE chunks, usage, [DONE], error bodies), as vLLM and llama-server do.
 */
class OpenAiCompatibleBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LlmRequest REQUEST = new LlmRequest("You write ads.", "Write one.",
            "{\"type\":\"object\",\"properties\":{\"headline\":{\"type\":\"string\"}}}", new Sampling(0.7f, 0.9f, 42, 64));

    private HttpServer server;
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Behaviour behaviour;

    interface Behaviour {
        void handle(int call, HttpExchange ex) throws IOException, InterruptedException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            try (ex) {
                bodies.add(JSON.readTree(ex.getRequestBody()));
                behaviour.handle(calls.incrementAndGet(), ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private OpenAiCompatibleBackend backend(Duration total, int attempts) {
        return backend(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"), total, attempts);
    }

    private static OpenAiCompatibleBackend backend(URI base, Duration total, int attempts) {
        return new OpenAiCompatibleBackend(new OpenAiSettings(base, "llama-3.1-8b-instruct", Optional.of("secret"),
                Duration.ofSeconds(2), total, attempts, Duration.ofMillis(20)));
    }

    private static void stream(HttpExchange ex, List<String> pieces, boolean finish) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (String p : pieces) {
            String chunk = JSON.createObjectNode().put("id", "c1").put("object", "chat.completion.chunk")
                    .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                            .set("delta", JSON.createObjectNode().put("content", p)))).toString();
            out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (finish) {
            out.write("data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}\n\n".getBytes(StandardCharsets.UTF_8));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        byte[] b = ("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Test
    void streamsTokensAndSendsTheWireFormat() throws Exception {
        behaviour = (call, ex) -> stream(ex, List.of("{\"head", "line\":", "\"Hi\"}"), true);
        List<String> seen = new ArrayList<>();
        Completion c = backend(Duration.ofSeconds(5), 3).complete(REQUEST, seen::add);

        assertEquals("{\"headline\":\"Hi\"}", c.text());
        assertEquals(List.of("{\"head", "line\":", "\"Hi\"}"), seen);
        assertEquals(3, c.tokens(), "usage.completion_tokens is used when the server sends it");
        JsonNode body = bodies.getFirst();
        assertEquals("llama-3.1-8b-instruct", body.get("model").asText());
        assertTrue(body.get("stream").asBoolean());
        assertEquals("system", body.at("/messages/0/role").asText());
        assertEquals("Write one.", body.at("/messages/1/content").asText());
        assertEquals(42, body.get("seed").asLong());
        assertEquals(64, body.get("max_tokens").asInt());
        assertEquals("json_schema", body.at("/response_format/type").asText());
        assertEquals("object", body.at("/response_format/json_schema/schema/type").asText());
    }

    @Test
    void retriesServerErrorsWithBackoffThenSucceeds() throws Exception {
        behaviour = (call, ex) -> {
            if (call <= 2) {
                error(ex, call == 1 ? 503 : 429, "busy");
            } else {
                stream(ex, List.of("ok"), true);
            }
        };
        Completion c = backend(Duration.ofSeconds(5), 3).complete(REQUEST, t -> { });
        assertEquals("ok", c.text());
        assertEquals(3, calls.get());
    }

    @Test
    void clientErrorIsNotRetriedAndSaysWhy() {
        behaviour = (call, ex) -> error(ex, 400, "model 'x' does not exist");
        LlmException e = assertThrows(LlmException.class, () -> backend(Duration.ofSeconds(5), 3).complete(REQUEST, t -> { }));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    void stalledStreamTimesOutWithoutRetryingStreamedText() {
        behaviour = (call, ex) -> {
            stream(ex, List.of("partial"), false);
            release.await(10, TimeUnit.SECONDS);
        };
        List<String> seen = new ArrayList<>();
        LlmException e = assertThrows(LlmException.class, () -> backend(Duration.ofMillis(700), 3).complete(REQUEST, seen::add));
        assertTrue(e.getMessage().contains("exceeded"), e.getMessage());
        assertEquals(List.of("partial"), seen);
        assertEquals(1, calls.get(), "text already streamed must not be streamed again by a retry");
    }

    @Test
    void unreachableServerFailsAfterAllAttempts() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LlmException e = assertThrows(LlmException.class, () -> backend(URI.create("http://127.0.0.1:" + port + "/v1"),
                Duration.ofSeconds(2), 2).complete(REQUEST, t -> { }));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }
}
