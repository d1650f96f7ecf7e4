package dev.surf.creative.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real ONNX Runtime with the real all-MiniLM-L6-v2 model. */
class NearDuplicateFilterTest {
    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() throws Exception {
        embedder = SentenceEmbedder.fromClasspath();
    }

    @AfterAll
    static void close() throws Exception {
        embedder.close();
    }

    @Test
    void wordPieceMatchesBertUncased() throws Exception {
        WordPieceTokenizer t;
        try (var in = getClass().getClassLoader().getResourceAsStream(SentenceEmbedder.TOKENIZER_RESOURCE)) {
            t = WordPieceTokenizer.fromTokenizerJson(in, 128);
        }
        // ids and pieces as Hugging Face tokenizers gives them for bert-base-uncased's vocabulary, which all-MiniLM-L6-v2 uses
        assertEquals(List.of(101L, 7592L, 1010L, 2088L, 999L, 102L), java.util.Arrays.stream(t.encode("Hello, world!")).boxed().toList());
        assertEquals(List.of("[CLS]", "una", "##ffa", "##ble", "cafe", "[SEP]"), t.tokens("UNAFFABLE café"));
        assertEquals(128, t.encode("word ".repeat(500)).length, "truncated to the model's 128 positions");
    }

    @Test
    void embeddingsAreUnitLengthAndSimilarityFollowsMeaning() {
        float[] a = embedder.embed("Get 20% off trail running shoes this week.");
        float[] b = embedder.embed("Trail running shoes are 20% off this week only.");
        float[] c = embedder.embed("Book a table at our new Italian restaurant tonight.");
        assertEquals(384, a.length);
        assertEquals(1.0, SentenceEmbedder.cosine(a, a), 1e-4);
        double para = SentenceEmbedder.cosine(a, b);
        double distinct = SentenceEmbedder.cosine(a, c);
        System.out.printf("paraphrase cosine %.3f, distinct cosine %.3f%n", para, distinct);
        assertTrue(para > distinct + 0.3, "paraphrase " + para + " vs distinct " + distinct);
    }

    @Test
    void paraphrasesAreRemovedAndDistinctCopyKept() {
        NearDuplicateFilter filter = new NearDuplicateFilter(embedder, DedupDefaults.THRESHOLD);
        List<String> variants = List.of(
                "Trail shoes 20% off. Grip and cushion for every run. Free returns",
                "20% off trail shoes. Cushion and grip for all your runs. Returns are free",
                "Run the mountains in comfort. Our lightest trail shoe yet. New colours",
                "Trail shoes now 20% off! Grip and cushioning for each run. Free returns",
                "Join the Saturday club run. Meet runners near the park. Sign up today");
        List<Optional<NearDuplicateFilter.Duplicate>> out = new java.util.ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            out.add(filter.offer(i, variants.get(i)));
        }
        out.forEach(o -> System.out.println("dedup: " + o));
        assertTrue(out.get(0).isEmpty());
        assertEquals(0, out.get(1).orElseThrow().keptIndex());
        assertTrue(out.get(2).isEmpty(), "distinct copy about the same product is kept");
        assertEquals(0, out.get(3).orElseThrow().keptIndex());
        assertTrue(out.get(4).isEmpty());
    }
}
