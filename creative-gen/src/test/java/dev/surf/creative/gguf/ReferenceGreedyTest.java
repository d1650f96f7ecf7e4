package dev.surf.creative.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kherud.llama.InferenceParameters;
import dev.surf.creative.llm.LlamaModels;
import dev.surf.creative.llm.TinyModel;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The converter is right when llama.cpp, reading our GGUF, decodes exactly what llama2.c decodes
 * from the original checkpoint: greedy, from BOS, 200 steps.
 */
class ReferenceGreedyTest {

    @Test
    void greedyDecodingReproducesLlama2cOutputExactly() throws Exception {
        TinyModel.assumePresent();
        String expected = Files.readString(TinyModel.expectedText().orElseThrow()).strip();
        String actual = TinyModel.model().complete(new InferenceParameters("").setTemperature(0f).setNPredict(200));
        // llama.cpp keeps the space of the first piece ("▁Once"); llama2.c strips it.
        assertTrue(actual.startsWith(" "), "expected the one leading space, got: " + actual);
        assertEquals(expected, actual.substring(1).strip());
    }

    @Test
    void convertedFileCarriesLlamaAndTokenizerMetadata() throws Exception {
        Map<String, Object> meta = GgufMetadata.read(TinyModel.gguf());
        assertEquals("llama", meta.get("general.architecture"));
        assertEquals(64, meta.get("llama.embedding_length"));
        assertEquals(5, meta.get("llama.block_count"));
        assertEquals(8, meta.get("llama.attention.head_count"));
        assertEquals(4, meta.get("llama.attention.head_count_kv"));
        assertEquals("llama", meta.get("tokenizer.ggml.model"));
        assertEquals(1, meta.get("tokenizer.ggml.bos_token_id"));
        assertFalse(LlamaModels.hasChatTemplate(TinyModel.gguf()));
    }
}
