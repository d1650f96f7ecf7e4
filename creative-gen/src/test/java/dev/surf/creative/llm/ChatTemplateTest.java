package dev.surf.creative.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kherud.llama.LlamaModel;
import dev.surf.creative.gguf.Llama2cToGguf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chat-template path of the llama.cpp backend, on the tiny model converted with a ChatML
 * template (what Qwen and many Llama fine-tunes ship): the template is detected in the GGUF, the
 * system and user messages are rendered through it by llama.cpp, and generation runs on that prompt.
 */
class ChatTemplateTest {
    private static final String CHATML = """
            {% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}\
            {% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}""";

    @Test
    void messagesAreRenderedThroughTheModelsTemplate() throws Exception {
        TinyModel.assumePresent();
        Path gguf = Path.of("target", "models", "stories260K-chatml.gguf");
        Files.createDirectories(gguf.getParent());
        Llama2cToGguf.convert(ModelsDir.file("stories260K.bin").orElseThrow(), ModelsDir.file("tok512.bin").orElseThrow(),
                gguf, CHATML);
        assertTrue(LlamaModels.hasChatTemplate(gguf), "the converter stored tokenizer.chat_template");
        assertFalse(LlamaModels.hasChatTemplate(TinyModel.gguf()), "the plain conversion has none");

        LlmRequest request = new LlmRequest("You write ad copy.", "Running shoes, 20% off.", null,
                new Sampling(0f, 1f, 7, 24));
        // Not closed: a closed llama.cpp model leaves a native thread behind (STACK-NOTES); it lives with the JVM.
        LlamaModel model = LlamaModels.load(gguf, 512, 1, 0);
        LlamaCppBackend backend = new LlamaCppBackend(model, "stories260K-chatml", true);
        assertEquals("<|im_start|>system\nYou write ad copy.<|im_end|>\n<|im_start|>user\nRunning shoes, 20% off.<|im_end|>\n"
                + "<|im_start|>assistant\n", backend.prompt(request));
        List<String> tokens = new ArrayList<>();
        Completion c = backend.complete(request, tokens::add);
        assertTrue(c.tokens() > 0 && !tokens.isEmpty(), "generation ran on the templated prompt");
        assertEquals(String.join("", tokens), c.text());
        LlamaCppBackend plain = new LlamaCppBackend(TinyModel.model(), "stories260K", false);
        assertEquals("You write ad copy.\n\nRunning shoes, 20% off.\n", plain.prompt(request), "a base model gets plain text");
    }
}
