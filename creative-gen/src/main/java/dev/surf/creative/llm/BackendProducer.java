package dev.surf.creative.llm;

import de.kherud.llama.LlamaModel;
import dev.surf.creative.CreativeConfig;
import dev.surf.creative.gguf.Llama2cToGguf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Builds the configured backend once; {@link Backend#none()} when generation is switched off or impossible. */
@ApplicationScoped
public class BackendProducer {
    private static final Logger LOG = Logger.getLogger(BackendProducer.class);

    /** The backend, or why there is none. */
    public record Backend(Optional<LlmBackend> llm, String unavailableReason) {
        static Backend none(String why) {
            return new Backend(Optional.empty(), why);
        }
    }

    @Produces
    @Singleton
    Backend backend(CreativeConfig config) {
        CreativeConfig.Llm llm = config.llm();
        return switch (llm.backend()) {
            case "openai" -> {
                CreativeConfig.OpenAi o = llm.openai();
                yield new Backend(Optional.of(new OpenAiCompatibleBackend(new OpenAiSettings(URI.create(o.baseUrl()), o.model(),
                        o.apiKey(), o.connectTimeout(), o.totalTimeout(), o.maxAttempts(), o.backoff()))), "");
            }
            case "llama-cpp" -> llamaCpp(llm.llama());
            case "none" -> Backend.none("creative.llm.backend=none");
            default -> throw new IllegalArgumentException("creative.llm.backend must be llama-cpp, openai or none, not " + llm.backend());
        };
    }

    private static Backend llamaCpp(CreativeConfig.Llama cfg) {
        if (cfg.model().isEmpty()) {
            return Backend.none("creative.llm.llama.model is not set");
        }
        Path gguf = Path.of(cfg.model().get()).toAbsolutePath();
        if (!Files.isRegularFile(gguf)) {
            Optional<Path> dir = ModelsDir.find(cfg.modelsDir());
            Optional<Path> checkpoint = cfg.convertCheckpoint().flatMap(c -> resolve(c, dir));
            Optional<Path> tokenizer = cfg.convertTokenizer().flatMap(t -> resolve(t, dir));
            if (checkpoint.isEmpty() || tokenizer.isEmpty()) {
                String why = "GGUF " + gguf + " not found and no llama2.c checkpoint/tokenizer to convert";
                LOG.warn(why + ": generation is off, requests wait in Kafka");
                return Backend.none(why);
            }
            convert(checkpoint.get(), tokenizer.get(), gguf);
        }
        if (System.getProperty("de.kherud.llama.tmpdir") == null) {
            cfg.nativeDir().ifPresent(d -> System.setProperty("de.kherud.llama.tmpdir", d));
        }
        try {
            LlamaModel model = LlamaModels.load(gguf, cfg.contextSize(), cfg.threads(), cfg.gpuLayers());
            LOG.infof("loaded %s into llama.cpp (context %d, %d threads)", gguf, cfg.contextSize(), cfg.threads());
            return new Backend(Optional.of(new LlamaCppBackend(model, LlamaModels.displayName(gguf), LlamaModels.hasChatTemplate(gguf))), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> resolve(String name, Optional<Path> modelsDir) {
        Path p = Path.of(name);
        if (!p.isAbsolute()) {
            p = modelsDir.map(d -> d.resolve(name)).orElse(p);
        }
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static synchronized void convert(Path checkpoint, Path tokenizer, Path gguf) {
        try {
            Path tmp = gguf.resolveSibling(gguf.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Llama2cToGguf.convert(checkpoint, tokenizer, tmp);
            Files.move(tmp, gguf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("converted %s into %s", checkpoint, gguf);
        } catch (IOException e) {
            throw new UncheckedIOException("converting " + checkpoint + " failed", e);
        }
    }
}
