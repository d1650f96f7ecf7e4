package dev.surf.creative;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every creative-gen setting (application.properties, prefix "creative"). */
@ConfigMapping(prefix = "creative")
public interface CreativeConfig {
    Llm llm();

    SamplingDefaults sampling();

    Policy policy();

    Dedup dedup();

    Generation generation();

    Consumer consumer();

    interface Llm {
        /** llama-cpp (in-process), openai (an OpenAI-compatible server) or none (no generation; requests wait in Kafka). */
        @WithDefault("llama-cpp")
        String backend();

        Llama llama();

        OpenAi openai();
    }

    interface Llama {
        /** The GGUF to load; relative paths are resolved against the working directory. */
        Optional<String> model();

        /** When the GGUF is missing: a llama2.c checkpoint (in the models dir when relative) to convert into it. */
        @WithName("convert.checkpoint")
        Optional<String> convertCheckpoint();

        @WithName("convert.tokenizer")
        Optional<String> convertTokenizer();

        /** Folder holding reference models; default: the first shared/models walking up from the working dir. */
        @WithName("models-dir")
        Optional<String> modelsDir();

        /** Private folder for llama.cpp's native library (its loader clears llama* entries in its folder). */
        @WithName("native-dir")
        Optional<String> nativeDir();

        @WithDefault("2048")
        int contextSize();

        @WithDefault("2")
        int threads();

        /** Layers to offload to a GPU (the bundled natives are CPU-only; GPU builds use this). */
        @WithDefault("0")
        int gpuLayers();
    }

    interface OpenAi {
        @WithDefault("http://127.0.0.1:8000/v1")
        String baseUrl();

        @WithDefault("meta-llama/Llama-3.1-8B-Instruct")
        String model();

        Optional<String> apiKey();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT120S")
        Duration totalTimeout();

        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT0.5S")
        Duration backoff();
    }

    interface SamplingDefaults {
        @WithDefault("0.8")
        float temperature();

        @WithDefault("0.95")
        float topP();

        @WithDefault("400")
        int maxTokens();
    }

    interface Policy {
        /** Terms no advertiser may use (comma separated). */
        @WithDefault("guaranteed cure,miracle cure,risk-free,get rich quick")
        List<String> bannedTerms();

        @WithDefault("0.5")
        double maxCapitalRatio();

        @WithDefault("2")
        int maxExclamations();
    }

    interface Dedup {
        @WithDefault("true")
        boolean enabled();

        /** Cosine similarity at or above which a variant is a near-duplicate of one already kept. */
        @WithDefault("0.85")
        double threshold();
    }

    interface Generation {
        @WithDefault("10")
        int maxVariants();

        /** Requests generating at the same time (REST and Kafka together); the rest wait their turn. */
        @WithDefault("1")
        int maxConcurrent();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("creative-gen")
        String groupId();

        /** Attempts per request before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT1S")
        Duration backoff();

        /** Longest time one request may take before Kafka considers the consumer dead. */
        @WithDefault("PT15M")
        Duration maxPollInterval();
    }
}
