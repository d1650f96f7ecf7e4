package dev.surf.ad.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.ServiceProcess;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ad-service publishes signals through the real broker; a real ranking-service process consumes them. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class SignalFlowAcrossServicesTest {
    private static final Pattern CLICKS = Pattern.compile("surf_signals_consumed_total\\{kind=\"CLICK\"[^}]*}\\s+([0-9.]+)");

    @Inject
    SignalPublisher publisher;

    @Test
    void rankingServiceCountsWhatAdServicePublished() throws Exception {
        var broker = SurfTestResource.broker();
        try (ServiceProcess ranking = ServiceProcess.start(Path.of("../ranking-service"), Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.datasource.jdbc.url", SurfTestResource.TEST_DB_URL)).awaitReady(Duration.ofSeconds(90))) {
            int sent = 25;
            for (int i = 0; i < sent; i++) {
                publisher.publish(UserSignal.newBuilder().setEventId(EventIds.random()).setKind(SignalKind.CLICK)
                        .setUserId("flow-user-" + i).setTimeMs(System.currentTimeMillis()).build()).get();
            }
            double counted = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (counted < sent && System.currentTimeMillis() < deadline) {
                Matcher m = CLICKS.matcher(ranking.get("/q/metrics"));
                counted = m.find() ? Double.parseDouble(m.group(1)) : 0;
                Thread.sleep(200);
            }
            assertEquals(sent, counted, 0.0, "clicks counted by ranking-service");
        }
    }
}
