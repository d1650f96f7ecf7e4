package dev.surf.infra;

import dev.surf.infra.db.Databases;
import dev.surf.infra.kafka.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * What every service's {@code @QuarkusTest} needs: a real Kafka broker, started once per test JVM,
 * and the test database (never the dev one), created if missing. Register with
 * {@code @WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)}.
 */
public class SurfTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String TEST_DB_URL = env("SURF_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/surf_test");
    private static KafkaBroker broker;

    /** The shared broker; tests that talk to Kafka directly use this too. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.onFreePorts().start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-shutdown"));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker().bootstrapServers());
        String user = env("SURF_TEST_DB_USER", System.getProperty("user.name"));
        String password = env("SURF_TEST_DB_PASSWORD", "");
        try {
            Databases.ensureExists(TEST_DB_URL, user, password);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL for tests is unreachable at " + TEST_DB_URL + ": " + e.getMessage(), e);
        }
        config.put("quarkus.datasource.jdbc.url", TEST_DB_URL);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password);
        return config;
    }

    @Override
    public void stop() {
        // The broker lives until the JVM exits so every test class in it shares one.
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
