package dev.surf.ad.creative;

import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.CreativeDeadLetter;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads surf.creative.dead-letter.v1 and marks the background request FAILED with creative-gen's
 * reason and attempt count. Insert-only and keyed by request id, so a redelivery changes nothing and
 * a result that already completed the request wins.
 */
@ApplicationScoped
public class GenerationDeadLetterConsumer {
    private static final String INSERT = """
            insert into creative_request_outcome (request_id, status, reason, attempts)
            values (?, 'FAILED', ?, ?) on conflict (request_id) do nothing""";
    private static final int MAX_REASON = 2000;

    private final AgroalDataSource ds;
    private final String bootstrap;
    private final boolean enabled;
    private final Counter recorded;
    private final Counter malformed;
    private TopicConsumer<CreativeDeadLetter> consumer;

    public GenerationDeadLetterConsumer(AgroalDataSource ds, MeterRegistry metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "surf.creative.drafts.enabled", defaultValue = "true") boolean enabled) {
        this.ds = ds;
        this.bootstrap = bootstrap;
        this.enabled = enabled;
        this.recorded = metrics.counter("surf_creative_dead_letters_total", "result", "recorded");
        this.malformed = metrics.counter("surf_creative_dead_letters_total", "result", "malformed");
    }

    void start(@Observes StartupEvent ev) {
        if (enabled) {
            consumer = new TopicConsumer<>(Topics.CREATIVE_DEAD_LETTER, bootstrap, "ad-creative-dead-letters", Map.of(),
                    this::store, e -> malformed.increment()).start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }

    void store(List<TopicConsumer.Event<CreativeDeadLetter>> batch) {
        try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (var event : batch) {
                CreativeDeadLetter dl = event.value();
                String reason = dl.getReason().isBlank() ? "generation failed (no reason given)" : dl.getReason();
                insert.setString(1, dl.getRequest().getRequestId());
                insert.setString(2, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
                insert.setInt(3, dl.getAttempts());
                recorded.increment(insert.executeUpdate());
            }
            c.commit();
        } catch (SQLException e) {
            // Thrown on: the batch is not committed to Kafka and comes again.
            throw new IllegalStateException("could not record dead-lettered creative requests: " + e.getMessage(), e);
        }
    }
}
