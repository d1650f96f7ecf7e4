package dev.surf.creative.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Chat completions with SSE streaming against any OpenAI-compatible server (vLLM, llama-server,
 * Ollama). Failures before the first token (connection refused, timeouts, 429, 5xx) are retried
 * with exponential backoff and jitter; once tokens have been streamed a failure is reported, not
 * retried, so no caller sees text twice. The whole call is bounded by {@code totalTimeout}.
 */
public final class OpenAiCompatibleBackend implements LlmBackend {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("openai-timeout").daemon(true).factory());

    private final OpenAiSettings settings;
    private final HttpClient http;
    private final URI endpoint;

    public OpenAiCompatibleBackend(OpenAiSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        String base = settings.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    @Override
    public String modelName() {
        return "openai:" + settings.model();
    }

    @Override
    public Completion complete(LlmRequest request, Consumer<String> onToken) throws LlmException {
        String body = requestBody(request);
        LlmException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            AtomicBoolean streamed = new AtomicBoolean();
            try {
                return attempt(body, onToken, streamed);
            } catch (LlmException e) {
                last = e;
                if (!e.retryable() || streamed.get() || attempt == settings.maxAttempts()) {
                    break;
                }
                sleep(backoff(attempt));
            }
        }
        throw new LlmException(last.getMessage() + " (" + modelName() + " at " + endpoint + ")", last.retryable(), last);
    }

    String requestBody(LlmRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", settings.model());
        root.put("stream", true);
        root.putObject("stream_options").put("include_usage", true);
        var messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        messages.addObject().put("role", "user").put("content", request.user());
        Sampling s = request.sampling();
        root.put("temperature", s.temperature());
        root.put("top_p", s.topP());
        root.put("seed", s.seed());
        root.put("max_tokens", s.maxTokens());
        if (request.jsonSchema() != null) {
            try {
                ObjectNode format = root.putObject("response_format");
                format.put("type", "json_schema");
                format.putObject("json_schema").put("name", "creative").put("strict", true)
                        .set("schema", JSON.readTree(request.jsonSchema()));
            } catch (IOException e) {
                throw new IllegalArgumentException("JSON schema is not JSON", e);
            }
        }
        return root.toString();
    }

    private Completion attempt(String body, Consumer<String> onToken, AtomicBoolean streamed) throws LlmException {
        long start = System.nanoTime();
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint)
                .timeout(settings.totalTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        settings.apiKey().filter(k -> !k.isBlank()).ifPresent(k -> req.header("Authorization", "Bearer " + k));
        HttpResponse<InputStream> response;
        try {
            response = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new LlmException("connect timed out after " + settings.connectTimeout(), true, e);
        } catch (HttpTimeoutException e) {
            throw new LlmException("no response within " + settings.totalTimeout(), true, e);
        } catch (ConnectException e) {
            throw new LlmException("connection refused", true, e);
        } catch (IOException e) {
            throw new LlmException("I/O error: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted", false, e);
        }
        int status = response.statusCode();
        if (status != 200) {
            String detail = errorDetail(response.body());
            boolean retryable = status == 429 || status == 408 || status >= 500;
            throw new LlmException("HTTP " + status + ": " + detail, retryable);
        }
        long remainingMs = settings.totalTimeout().toMillis() - (System.nanoTime() - start) / 1_000_000;
        AtomicBoolean timedOut = new AtomicBoolean();
        InputStream in = response.body();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            closeQuietly(in);
        }, Math.max(1, remainingMs), TimeUnit.MILLISECONDS);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder text = new StringBuilder();
            int pieces = 0;
            int usageTokens = -1;
            boolean done = false;
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("data:")) {
                    continue; // comments, event names and the blank separators
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode chunk = JSON.readTree(data);
                if (chunk.has("error")) {
                    throw new LlmException("server error in stream: " + chunk.get("error"), true);
                }
                JsonNode usage = chunk.path("usage");
                if (usage.has("completion_tokens")) {
                    usageTokens = usage.get("completion_tokens").asInt();
                }
                for (JsonNode choice : chunk.path("choices")) {
                    String piece = choice.path("delta").path("content").asText("");
                    if (!piece.isEmpty()) {
                        pieces++;
                        text.append(piece);
                        streamed.set(true);
                        onToken.accept(piece);
                    }
                }
            }
            if (!done) {
                throw new LlmException(timedOut.get() ? "stream exceeded " + settings.totalTimeout()
                        : "stream ended without [DONE]", true);
            }
            return new Completion(text.toString(), usageTokens >= 0 ? usageTokens : pieces, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new LlmException(timedOut.get() ? "stream exceeded " + settings.totalTimeout()
                    : "stream broke: " + e.getMessage(), true, e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static String errorDetail(InputStream body) {
        try (body) {
            String s = new String(body.readNBytes(2000), StandardCharsets.UTF_8);
            try {
                JsonNode n = JSON.readTree(s);
                JsonNode msg = n.path("error").path("message");
                if (msg.isTextual()) {
                    return msg.asText();
                }
            } catch (IOException notJson) {
                // fall through to the raw text
            }
            return s.isBlank() ? "(empty body)" : s.strip();
        } catch (IOException e) {
            return "(unreadable body)";
        }
    }

    private long backoff(int attempt) {
        long base = settings.backoff().toMillis() << Math.min(attempt - 1, 10);
        return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static void sleep(long ms) throws LlmException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while backing off", false, e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the stream end and reports the timeout
        }
    }
}
