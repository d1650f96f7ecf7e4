package dev.surf.creative.llm;

/** The text a backend produced, how many tokens it took and how long. */
public record Completion(String text, int tokens, long millis) {
}
