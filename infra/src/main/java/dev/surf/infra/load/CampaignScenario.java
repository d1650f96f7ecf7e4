package dev.surf.infra.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Campaign API load: each virtual user alternates "create a campaign" and "list campaigns (page of
 * 50)". Run by hand against a running ad-service:
 * {@code java -cp infra/target/classes dev.surf.infra.load.CampaignScenario http://127.0.0.1:18080 ADMIN_KEY [users=8] [requests=4000] [seconds=60]}.
 * It creates its own advertiser and API key with the admin key first.
 */
public final class CampaignScenario {
    private CampaignScenario() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CampaignScenario BASE_URL ADMIN_KEY [users=8] [requests=4000] [seconds=60]");
            System.exit(64);
        }
        URI base = URI.create(args[0]);
        LoadGenerator.requireLoopback(base);
        String adminKey = args[1];
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        long requests = args.length > 3 ? Long.parseLong(args[3]) : 4000;
        Duration limit = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 60);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String advertiser = post(http, base.resolve("/api/v1/advertisers"), adminKey,
                "{\"name\":\"load " + System.currentTimeMillis() + "\"}");
        String id = field(advertiser, "id");
        String key = field(post(http, base.resolve("/api/v1/advertisers/" + id + "/api-keys"), adminKey,
                "{\"name\":\"load\"}"), "key");

        // Warm-up (JIT, connection pool), not recorded.
        LoadGenerator.run(users, 200, Duration.ofSeconds(20), (u, i, r) -> step(http, base, key, u, i, new LoadGenerator.Recorder()));
        LoadGenerator.Result result = LoadGenerator.run(users, requests, limit, (u, i, r) -> step(http, base, key, u, i, r));
        System.out.printf("campaign scenario: %d users, closed loop, target %s%n", users, base);
        System.out.print(result.report());
    }

    private static String step(HttpClient http, URI base, String key, int user, long i, LoadGenerator.Recorder r)
            throws Exception {
        boolean create = i % 2 == 0;
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
        if (create) {
            b.uri(base.resolve("/api/v1/campaigns")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load " + user + "-" + i
                            + "\",\"objective\":\"CLICKS\",\"dailyBudgetMicros\":50000000,\"bidStrategy\":\"CPC\","
                            + "\"bidAmountMicros\":750000}"));
        } else {
            b.uri(base.resolve("/api/v1/campaigns?size=50&sort=-id")).GET();
        }
        String op = create ? "create" : "list";
        long t0 = System.nanoTime();
        HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        r.record(op, System.nanoTime() - t0, resp.statusCode() == (create ? 201 : 200));
        return op;
    }

    private static String post(HttpClient http, URI uri, String key, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(uri + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Minimal field extraction so the tool needs no JSON library. */
    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)\"?").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
