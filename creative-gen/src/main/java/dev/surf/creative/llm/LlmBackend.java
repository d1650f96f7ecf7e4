package dev.surf.creative.llm;

import java.util.function.Consumer;

/** A Llama model that turns a chat (system + user message) into text, streaming its tokens. */
public interface LlmBackend {

    /** Backend and model, recorded with every variant, e.g. "llama.cpp:stories260K". */
    String modelName();

    /**
     * Generates one completion. {@code jsonSchema}, when not null, constrains the output.
     *
     * @param onToken receives each piece of text as it is produced
     * @throws LlmException when the backend fails; {@link LlmException#retryable()} says whether to retry
     */
    Completion complete(LlmRequest request, Consumer<String> onToken) throws LlmException;
}
