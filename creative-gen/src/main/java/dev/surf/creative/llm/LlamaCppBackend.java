package dev.surf.creative.llm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.Pair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * llama.cpp in-process through {@code de.kherud:llama}. The model is loaded once and kept for the
 * process lifetime (closing it leaves a native thread behind); completions run one at a time, so
 * callers queue here rather than oversubscribing the CPU.
 */
public final class LlamaCppBackend implements LlmBackend {
    private final LlamaModel model;
    private final String name;
    private final boolean chatTemplate;
    private final ReentrantLock busy = new ReentrantLock(true);
    private final Map<String, String> grammars = new ConcurrentHashMap<>();

    /**
     * @param chatTemplate whether the GGUF carries a chat template (tokenizer.chat_template); without
     *                     one the messages are joined as plain text, which is what a base model expects
     */
    public LlamaCppBackend(LlamaModel model, String name, boolean chatTemplate) {
        this.model = model;
        this.name = name;
        this.chatTemplate = chatTemplate;
    }

    @Override
    public String modelName() {
        return "llama.cpp:" + name;
    }

    /** The model itself, for the benchmark that compares this path with direct calls. */
    public LlamaModel model() {
        return model;
    }

    public String prompt(LlmRequest request) {
        if (!chatTemplate) {
            return request.system() + "\n\n" + request.user() + "\n";
        }
        InferenceParameters p = new InferenceParameters("")
                .setMessages(request.system(), List.of(new Pair<>("user", request.user())));
        return model.applyTemplate(p);
    }

    public InferenceParameters parameters(LlmRequest request) {
        Sampling s = request.sampling();
        InferenceParameters p = new InferenceParameters(prompt(request))
                .setTemperature(s.temperature())
                .setTopP(s.topP())
                .setSeed((int) s.seed())
                .setNPredict(s.maxTokens());
        if (request.jsonSchema() != null) {
            p.setGrammar(grammars.computeIfAbsent(request.jsonSchema(), LlamaModel::jsonSchemaToGrammar));
        }
        return p;
    }

    @Override
    public Completion complete(LlmRequest request, Consumer<String> onToken) throws LlmException {
        InferenceParameters params;
        try {
            params = parameters(request);
        } catch (RuntimeException e) {
            throw new LlmException("llama.cpp rejected the request: " + e.getMessage(), false, e);
        }
        busy.lock();
        try {
            long start = System.nanoTime();
            StringBuilder text = new StringBuilder();
            int tokens = 0;
            for (LlamaOutput out : model.generate(params)) {
                if (!out.text.isEmpty()) {
                    tokens++;
                    text.append(out.text);
                    onToken.accept(out.text);
                }
            }
            return new Completion(text.toString(), tokens, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            throw new LlmException("llama.cpp generation failed: " + e.getMessage(), true, e);
        } finally {
            busy.unlock();
        }
    }
}
