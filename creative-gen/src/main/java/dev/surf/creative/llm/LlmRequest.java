package dev.surf.creative.llm;

/** One chat completion request: the messages, an optional JSON schema and the sampling settings. */
public record LlmRequest(String system, String user, String jsonSchema, Sampling sampling) {
}
