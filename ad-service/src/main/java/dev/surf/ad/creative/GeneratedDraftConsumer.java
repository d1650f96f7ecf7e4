package dev.surf.ad.creative;

import dev.surf.events.CreativeRules;
import dev.surf.events.Topics;
import dev.surf.events.kafka.TopicConsumer;
import dev.surf.events.v1.CreativeResult;
import dev.surf.events.v1.CreativeVariant;
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
import org.jboss.logging.Logger;

/**
 * Stores the variants creative-gen wrote (surf.creative.results.v1) as DRAFT creatives with source
 * GENERATED, for the advertiser to review. Idempotent: (request id, variant index) is unique, so a
 * redelivered result inserts nothing. A result for a campaign that is not the advertiser's, or a
 * variant that breaks the creative rules, is skipped and counted. In the same transaction the request's
 * outcome is recorded, which turns a background request (GenerationRequestResource) COMPLETED.
 */
@ApplicationScoped
public class GeneratedDraftConsumer {
    private static final Logger LOG = Logger.getLogger(GeneratedDraftConsumer.class);
    private static final String INSERT = """
            insert into creative (advertiser_id, campaign_id, headline, primary_text, description, call_to_action,
                                  landing_url, status, source, generator, generation_request, variant_index, policy_reasons)
            select c.advertiser_id, c.id, ?, ?, ?, ?, ?, 'DRAFT', 'GENERATED', ?::jsonb, ?, ?, '{}'
            from campaign c where c.id = ? and c.advertiser_id = ?
            on conflict (generation_request, variant_index) do nothing""";
    /** Marks a background request (POST .../creative-requests) COMPLETED; other request ids are recorded harmlessly. */
    private static final String OUTCOME = """
            insert into creative_request_outcome (request_id, status, model, rejected, reason)
            values (?, ?, ?, ?, ?) on conflict (request_id) do nothing""";

    private final AgroalDataSource ds;
    private final String bootstrap;
    private final boolean enabled;
    private final Counter stored;
    private final Counter skipped;
    private TopicConsumer<CreativeResult> consumer;

    public GeneratedDraftConsumer(AgroalDataSource ds, MeterRegistry metrics,
                                  @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                                  @ConfigProperty(name = "surf.creative.drafts.enabled", defaultValue = "true") boolean enabled) {
        this.ds = ds;
        this.bootstrap = bootstrap;
        this.enabled = enabled;
        this.stored = metrics.counter("surf_generated_drafts_total", "result", "stored");
        this.skipped = metrics.counter("surf_generated_drafts_total", "result", "skipped");
    }

    void start(@Observes StartupEvent ev) {
        if (enabled) {
            consumer = new TopicConsumer<>(Topics.CREATIVE_RESULTS, bootstrap, "ad-generated-drafts", Map.of(),
                    this::store, e -> skipped.increment()).start();
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }

    void store(List<TopicConsumer.Event<CreativeResult>> batch) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT); PreparedStatement outcome = c.prepareStatement(OUTCOME)) {
                for (var event : batch) {
                    storeResult(insert, event.value());
                    recordOutcome(outcome, event.value());
                }
            }
            c.commit();
        } catch (SQLException e) {
            // Thrown on: the batch is not committed to Kafka and comes again.
            throw new IllegalStateException("could not store generated drafts: " + e.getMessage(), e);
        }
    }

    private void storeResult(PreparedStatement insert, CreativeResult result) throws SQLException {
        if (!result.getLandingUrl().startsWith("https://")) {
            LOG.warnf("generation %s has no https landing URL; its %d variants are not stored",
                    result.getRequestId(), result.getVariantsCount());
            skipped.increment(result.getVariantsCount());
            return;
        }
        for (int i = 0; i < result.getVariantsCount(); i++) {
            CreativeVariant v = result.getVariants(i);
            if (!followsRules(v)) {
                skipped.increment();
                continue;
            }
            insert.setString(1, v.getHeadline());
            insert.setString(2, v.getPrimaryText());
            insert.setString(3, v.getDescription());
            insert.setString(4, v.getCallToAction());
            insert.setString(5, result.getLandingUrl());
            insert.setString(6, generator(result, v));
            insert.setString(7, result.getRequestId());
            insert.setInt(8, i);
            insert.setLong(9, result.getCampaignId());
            insert.setLong(10, result.getAdvertiserId());
            if (insert.executeUpdate() == 1) {
                stored.increment();
            }
        }
    }

    private static void recordOutcome(PreparedStatement outcome, CreativeResult result) throws SQLException {
        boolean https = result.getLandingUrl().startsWith("https://");
        outcome.setString(1, result.getRequestId());
        outcome.setString(2, https ? "COMPLETED" : "FAILED");
        outcome.setString(3, result.getModel());
        outcome.setInt(4, result.getRejectedCount());
        outcome.setString(5, https ? null : "the result has no https landing URL; no drafts were stored");
        outcome.executeUpdate();
    }

    static boolean followsRules(CreativeVariant v) {
        return !v.getHeadline().isBlank() && v.getHeadline().length() <= CreativeRules.HEADLINE_MAX
                && !v.getPrimaryText().isBlank() && v.getPrimaryText().length() <= CreativeRules.PRIMARY_TEXT_MAX
                && v.getDescription().length() <= CreativeRules.DESCRIPTION_MAX
                && CreativeRules.CALLS_TO_ACTION.contains(v.getCallToAction());
    }

    private static String generator(CreativeResult r, CreativeVariant v) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        json.put("requestId", r.getRequestId());
        json.put("model", r.getModel());
        json.put("seed", v.getSampling().getSeed());
        json.put("temperature", v.getSampling().getTemperature());
        json.put("topP", v.getSampling().getTopP());
        json.put("prompt", v.getPrompt());
        return json.toString();
    }
}
