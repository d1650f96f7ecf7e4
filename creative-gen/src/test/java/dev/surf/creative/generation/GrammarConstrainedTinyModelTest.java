package dev.surf.creative.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.creative.llm.Completion;
import dev.surf.creative.llm.LlamaCppBackend;
import dev.surf.creative.llm.LlmRequest;
import dev.surf.creative.llm.Sampling;
import dev.surf.creative.llm.TinyModel;
import dev.surf.events.v1.CreativeBrief;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON-schema grammar holds on the real tiny Llama: 100 sampled runs with different seeds all
 * parse and validate (the copy is TinyStories nonsense; its shape is what is checked here).
 */
class GrammarConstrainedTinyModelTest {

    @Test
    void hundredOfHundredRunsParseAndValidate() throws Exception {
        LlamaCppBackend backend = new LlamaCppBackend(TinyModel.model(), "stories260K", false);
        CreativeBrief brief = CreativeBrief.newBuilder().setProduct("trail running shoes").setOffer("20% off")
                .setAudience("runners").setTone("upbeat").setLanguage("en").build();
        LlmRequest base = new LlmRequest(PromptBuilder.system(), PromptBuilder.user(brief), VariantSchema.JSON,
                new Sampling(0.9f, 0.95f, 0, 400));
        List<String> failures = new ArrayList<>();
        int valid = 0;
        for (int seed = 1; seed <= 100; seed++) {
            LlmRequest req = new LlmRequest(base.system(), base.user(), base.jsonSchema(), base.sampling().withSeed(seed));
            Completion c = backend.complete(req, t -> { });
            VariantParser.Parsed p = VariantParser.parse(c.text());
            if (p.valid()) {
                valid++;
            } else {
                failures.add("seed " + seed + ": " + p.errors() + " in " + c.text());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " invalid: " + failures.stream().limit(3).toList());
        assertEquals(100, valid);
    }
}
