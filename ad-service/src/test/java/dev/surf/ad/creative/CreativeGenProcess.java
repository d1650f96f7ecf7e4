package dev.surf.ad.creative;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surf.infra.ServiceProcess;
import dev.surf.infra.SurfTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The real creative-gen service, started from its packaged jar (build it first:
 * {@code ./mvnw package -pl creative-gen -am -DskipTests}) on the test broker and database, with the
 * reference tiny Llama from shared/models, converted into ad-service/target/models on first start.
 */
public final class CreativeGenProcess {
    private static final Path JAR = Path.of("../creative-gen/target/quarkus-app/quarkus-run.jar");

    /** Same lookup as creative-gen's ModelsDir: -Dsurf.models.dir, else shared/models walking up. */
    static Optional<Path> modelsDir() {
        String configured = System.getProperty("surf.models.dir");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath()).filter(CreativeGenProcess::hasTinyModel);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("models");
            if (hasTinyModel(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean hasTinyModel(Path dir) {
        return Files.isRegularFile(dir.resolve("stories260K.bin")) && Files.isRegularFile(dir.resolve("tok512.bin"));
    }

    static boolean available() {
        return modelsDir().isPresent() && Files.isRegularFile(JAR);
    }

    /** Skips the calling test, with the reason, when the model files or creative-gen's jar are absent. */
    public static void assumeAvailable() {
        assumeTrue(modelsDir().isPresent(), "reference model files absent: put stories260K.bin and tok512.bin in "
                + "shared/models or set -Dsurf.models.dir; creative-gen cannot generate without them");
        assumeTrue(Files.isRegularFile(JAR),
                "creative-gen is not packaged: run ./mvnw package -pl creative-gen -am -DskipTests first");
    }

    /** Starts creative-gen; {@code consumeRequests=false} serves only the studio's SSE endpoint. */
    public static ServiceProcess start(boolean consumeRequests) throws IOException, InterruptedException {
        ServiceProcess p = ServiceProcess.start(Path.of("../creative-gen"), Map.of(
                "kafka.bootstrap.servers", SurfTestResource.broker().bootstrapServers(),
                "quarkus.datasource.jdbc.url", SurfTestResource.TEST_DB_URL,
                "surf.models.dir", modelsDir().orElseThrow().toString(),
                "creative.llm.llama.model", Path.of("target", "models", "stories260K.gguf").toAbsolutePath().toString(),
                "creative.llm.llama.convert.checkpoint", "stories260K.bin",
                "creative.llm.llama.convert.tokenizer", "tok512.bin",
                "creative.llm.llama.context-size", "1024",
                "creative.consumer.enabled", String.valueOf(consumeRequests),
                "creative.consumer.backoff", "PT0.1S"));
        try {
            return p.awaitReady(Duration.ofSeconds(180));
        } catch (RuntimeException | IOException | InterruptedException e) {
            p.close();
            throw e;
        }
    }

    private CreativeGenProcess() {
    }
}
