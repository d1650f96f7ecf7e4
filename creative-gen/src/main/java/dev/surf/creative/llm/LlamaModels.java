package dev.surf.creative.llm;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.surf.creative.gguf.GgufMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a GGUF into llama.cpp with the settings every caller (service, tests, benchmark) shares. */
public final class LlamaModels {
    private LlamaModels() {
    }

    /**
     * The llama.cpp loader clears {@code llama*} entries in java.io.tmpdir, which would break other
     * JVMs on the machine: give it a private folder unless one was configured.
     */
    public static synchronized void usePrivateNativeDir() {
        String configured = System.getProperty("de.kherud.llama.tmpdir");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "surf-creative-llama-" + System.getProperty("user.name"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        System.setProperty("de.kherud.llama.tmpdir", dir.toString());
    }

    public static LlamaModel load(Path gguf, int contextSize, int threads, int gpuLayers) {
        usePrivateNativeDir();
        return new LlamaModel(new ModelParameters()
                .setModel(gguf.toString())
                .setCtxSize(contextSize)
                .setThreads(threads)
                .setGpuLayers(gpuLayers)
                .disableLog());
    }

    public static boolean hasChatTemplate(Path gguf) throws IOException {
        return GgufMetadata.read(gguf).get("tokenizer.chat_template") instanceof String s && !s.isBlank();
    }

    public static String displayName(Path gguf) {
        return gguf.getFileName().toString().replaceFirst("\\.gguf$", "");
    }
}
