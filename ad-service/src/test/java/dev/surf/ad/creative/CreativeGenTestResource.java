package dev.surf.ad.creative;

import dev.surf.infra.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the real creative-gen (studio SSE endpoint only, its Kafka consumer off) for the app under
 * test and points {@code surf.creative-gen.url} at it. Without the model or the jar it starts nothing;
 * the tests using it skip through {@link CreativeGenProcess#assumeAvailable()}.
 */
public class CreativeGenTestResource implements QuarkusTestResourceLifecycleManager {
    private ServiceProcess creativeGen;

    @Override
    public Map<String, String> start() {
        if (!CreativeGenProcess.available()) {
            return Map.of();
        }
        try {
            creativeGen = CreativeGenProcess.start(false);
        } catch (Exception e) {
            throw new IllegalStateException("creative-gen did not start: " + e.getMessage(), e);
        }
        return Map.of("surf.creative-gen.url", creativeGen.baseUrl(),
                // The first generation loads the model; a loaded tiny model answers at once.
                "surf.creative-gen.response-timeout", "120s");
    }

    @Override
    public void stop() {
        if (creativeGen != null) {
            try {
                creativeGen.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
