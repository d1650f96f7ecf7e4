package dev.surf.creative.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach an OpenAI-compatible server (vLLM, llama-server, Ollama): base URL up to but not
 * including {@code /chat/completions} (e.g. {@code http://127.0.0.1:8000/v1}), the served model name,
 * an optional API key, timeouts and the retry policy.
 */
public record OpenAiSettings(URI baseUrl, String model, Optional<String> apiKey, Duration connectTimeout,
                             Duration totalTimeout, int maxAttempts, Duration backoff) {
    public OpenAiSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
