package dev.surf.creative.llm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.kherud.llama.LlamaModel;
import dev.surf.creative.gguf.Llama2cToGguf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The reference stories260K model for plain tests: converted once into target/ by our converter and
 * loaded once per test JVM (llama.cpp models are kept for the process lifetime).
 */
public final class TinyModel {
    public static final Path GGUF = Path.of("target", "models", "stories260K.gguf");
    private static LlamaModel model;

    private TinyModel() {
    }

    /** Skips the calling test, with the reason, when the reference files are not there. */
    public static void assumePresent() {
        assumeTrue(ModelsDir.file("stories260K.bin").isPresent() && ModelsDir.file("tok512.bin").isPresent(),
                "reference model files absent: put stories260K.bin and tok512.bin in shared/models or set -D"
                        + ModelsDir.PROPERTY);
    }

    public static synchronized Path gguf() throws IOException {
        assumePresent();
        if (!Files.isRegularFile(GGUF)) {
            Path tmp = GGUF.resolveSibling("stories260K.gguf.tmp");
            Llama2cToGguf.convert(ModelsDir.file("stories260K.bin").orElseThrow(), ModelsDir.file("tok512.bin").orElseThrow(), tmp);
            Files.move(tmp, GGUF, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return GGUF;
    }

    public static synchronized LlamaModel model() throws IOException {
        if (model == null) {
            model = LlamaModels.load(gguf(), 1024, 2, 0);
        }
        return model;
    }

    public static Optional<Path> expectedText() {
        return ModelsDir.file("stories260K.greedy-n200.expected.txt");
    }
}
