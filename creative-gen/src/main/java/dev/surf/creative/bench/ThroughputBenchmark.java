package dev.surf.creative.bench;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import dev.surf.creative.generation.PromptBuilder;
import dev.surf.creative.generation.VariantSchema;
import dev.surf.creative.gguf.Llama2cToGguf;
import dev.surf.creative.llm.Completion;
import dev.surf.creative.llm.LlamaCppBackend;
import dev.surf.creative.llm.LlamaModels;
import dev.surf.creative.llm.LlmRequest;
import dev.surf.creative.llm.ModelsDir;
import dev.surf.creative.llm.Sampling;
import dev.surf.events.v1.CreativeBrief;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tokens/s through the service path ({@link LlamaCppBackend#complete}, as the generator calls it)
 * against the same {@link LlamaModel} called directly with identical parameters, in the same JVM
 * and run, alternating the two so load changes hit both. Not part of the test suite.
 *
 * <p>Usage: {@code ThroughputBenchmark tiny|random100m|<file.gguf> [tokens] [rounds] [threads] [schema|plain]}.
 * "tiny" converts shared/models/stories260K.bin, "random100m" writes a random ~100M-parameter
 * llama2.c checkpoint and converts it; both go under target/bench/.
 */
public final class ThroughputBenchmark {
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "tiny";
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        boolean schema = args.length <= 4 || args[4].equals("schema");
        Path gguf = prepare(which);
        LlamaModel model = LlamaModels.load(gguf, 2048, threads, 0);
        LlamaCppBackend backend = new LlamaCppBackend(model, LlamaModels.displayName(gguf), LlamaModels.hasChatTemplate(gguf));

        CreativeBrief brief = CreativeBrief.newBuilder().setProduct("trail running shoes").setOffer("20% off").build();
        Sampling sampling = new Sampling(0.8f, 0.95f, 1234, tokens);
        LlmRequest request = new LlmRequest(PromptBuilder.system(), PromptBuilder.user(brief), schema ? VariantSchema.JSON : null, sampling);

        // warm-up: both paths once (grammar compiled, caches filled)
        runService(backend, request);
        runDirect(model, backend, request);
        long serviceTokens = 0;
        long serviceNanos = 0;
        long directTokens = 0;
        long directNanos = 0;
        for (int r = 0; r < rounds; r++) {
            // alternate which path goes first so a load change on the machine hits both alike
            for (int k = 0; k < 2; k++) {
                boolean servicePath = (r + k) % 2 == 0;
                long t0 = System.nanoTime();
                int n = servicePath ? runService(backend, request) : runDirect(model, backend, request);
                long dt = System.nanoTime() - t0;
                if (servicePath) {
                    serviceTokens += n;
                    serviceNanos += dt;
                } else {
                    directTokens += n;
                    directNanos += dt;
                }
            }
        }
        double service = serviceTokens / (serviceNanos / 1e9);
        double direct = directTokens / (directNanos / 1e9);
        System.out.printf(Locale.ROOT, "model=%s params=%s threads=%d schema=%s rounds=%d tokens/round=%d%n",
                gguf.getFileName(), which, threads, schema, rounds, serviceTokens / rounds);
        System.out.printf(Locale.ROOT, "service path: %.1f tokens/s  direct LlamaModel: %.1f tokens/s  ratio: %.1f%%%n",
                service, direct, 100 * service / direct);
        System.exit(0); // llama.cpp keeps a native thread; the model lives until the process ends
    }

    private static int runService(LlamaCppBackend backend, LlmRequest request) throws Exception {
        Completion c = backend.complete(request, t -> { });
        return c.tokens();
    }

    /** The same request, as the bare library call: identical prompt and parameters, no backend in between. */
    private static int runDirect(LlamaModel model, LlamaCppBackend backend, LlmRequest request) {
        InferenceParameters p = backend.parameters(request);
        int n = 0;
        StringBuilder sink = new StringBuilder();
        for (LlamaOutput out : model.generate(p)) {
            if (!out.text.isEmpty()) {
                n++;
                sink.append(out.text);
            }
        }
        return n;
    }

    private static Path prepare(String which) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path tokenizer = ModelsDir.file("tok512.bin").orElseThrow(() -> new IllegalStateException(
                "tok512.bin not found: set -D" + ModelsDir.PROPERTY));
        switch (which) {
            case "tiny" -> {
                Path out = dir.resolve("stories260K.gguf");
                if (!Files.exists(out)) {
                    Llama2cToGguf.convert(ModelsDir.file("stories260K.bin").orElseThrow(), tokenizer, out);
                }
                return out;
            }
            case "random100m" -> {
                Path out = dir.resolve("random100m.gguf");
                if (!Files.exists(out)) {
                    Path ckpt = dir.resolve("random100m.bin");
                    RandomCheckpoint.write100M(ckpt, 512);
                    Llama2cToGguf.Config c = Llama2cToGguf.convert(ckpt, tokenizer, out);
                    Files.delete(ckpt);
                    System.out.printf(Locale.ROOT, "random checkpoint: %,d parameters%n", c.parameterCount());
                }
                return out;
            }
            default -> {
                return Path.of(which);
            }
        }
    }
}
