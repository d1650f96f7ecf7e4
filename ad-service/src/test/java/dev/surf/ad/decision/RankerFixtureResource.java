package dev.surf.ad.decision;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the app's ranking client at the test's real gRPC Ranker; fast rebuilds for tests. */
public class RankerFixtureResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        RankerFixture f = RankerFixture.get().start();
        String port = Integer.toString(f.port());
        // In test mode Quarkus replaces a gRPC client's port with its test-port.
        return Map.of("quarkus.grpc.clients.ranking.host", "127.0.0.1",
                "quarkus.grpc.clients.ranking.port", port, "quarkus.grpc.clients.ranking.test-port", port);
    }

    @Override
    public void stop() {
        RankerFixture.get().stop();
    }
}
