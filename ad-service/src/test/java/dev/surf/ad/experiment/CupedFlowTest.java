package dev.surf.ad.experiment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.experiment.assign.Assignment;
import dev.surf.ad.experiment.assign.ExperimentAssigner;
import dev.surf.ad.experiment.results.ActivityHistory;
import dev.surf.ad.tracking.SignalPublisher;
import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * CUPED end to end through the real broker and database: users have untagged impressions with
 * spend days before the experiment starts (each published twice: a redelivery), then one tagged
 * impression each whose spend tracks their pre-period spend. The results carry a CUPED row for
 * spend per user with a positive theta and a variance reduction, and none applied for clicks per
 * user (nobody clicked before the start).
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class CupedFlowTest {
    private static final String BASE = "/api/v1/experiments";
    private static final int USERS = 200;

    @Inject
    ExperimentAssigner assigner;
    @Inject
    SignalPublisher publisher;
    @Inject
    Jdbc jdbc;
    @Inject
    ActivityHistory history;

    @Test
    @TestSecurity(user = "ops", roles = "internal")
    void preperiodSpendReducesTheVarianceOfSpendPerUser() throws Exception {
        String key = "cuped-" + UUID.randomUUID().toString().substring(0, 8);
        long id = given().contentType(ContentType.JSON).body(ExperimentFixtures.rankingExperiment(key, "cuped-" + key, 100))
                .post(BASE).then().statusCode(201).extract().jsonPath().getLong("id");
        Instant started = Instant.parse(given().post(BASE + "/" + id + "/start").then().statusCode(200)
                .extract().jsonPath().getString("startedAt"));
        String run = key.substring(6);
        await(() -> !assignmentFor(key, "probe-" + run).isEmpty(), "assigner picks up the started experiment");

        // Pre-period: 3 days before the start (inside the 14-day window), plus one impression
        // 20 days before (outside it: must not count). Each event is published twice.
        List<UserSignal> before = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = user(run, u);
            before.add(untagged(user, started.minus(Duration.ofDays(3)), preSpend(u)));
            before.add(untagged(user, started.minus(Duration.ofDays(20)), 9_000_000));
        }
        publishAll(before);
        publishAll(before);
        List<UserSignal> during = new ArrayList<>();
        long duringSpend = 0;
        for (int u = 0; u < USERS; u++) {
            String user = user(run, u);
            List<Assignment> mine = assignmentFor(key, user);
            assertEquals(1, mine.size(), "a 100 % experiment covers every user");
            // Post spend tracks pre spend (theta about 2), with a little noise of its own.
            long spend = 2 * preSpend(u) + 700L * (u % 3);
            duringSpend += spend;
            during.add(UserSignal.newBuilder().setEventId(EventIds.random()).setTimeMs(System.currentTimeMillis())
                    .setKind(SignalKind.IMPRESSION).setUserId(user).setPriceMicros(spend)
                    .putExperimentVariants(key, mine.getFirst().variantKey()).build());
        }
        publishAll(during);

        await(() -> {
            JsonPath now = results(id);
            return now.getDouble("variants[0].impressions") + now.getDouble("variants[1].impressions") == USERS;
        },
                "every tagged impression counted");
        // Exactly once: the redelivered pre-period events did not double the history or the
        // covariates. The history holds every day (tagged impressions too); the covariate only the window.
        long expectedPre = 0;
        for (int u = 0; u < USERS; u++) {
            expectedPre += preSpend(u);
        }
        String like = "cuped-user-" + run + "-%";
        assertEquals(expectedPre + USERS * 9_000_000L + duringSpend, sum("select sum(spend_micros) from ad.user_activity_daily where user_id like ?", like));
        assertEquals(expectedPre, sum("select sum(pre_spend_micros) from ad.experiment_user where user_id like ?", like),
                "covariates hold the 14-day window only, once");

        JsonPath r = results(id);
        assertEquals(14, r.getInt("cuped.prePeriodDays"));
        assertTrue(r.getString("cuped.rule").contains("at least 20 users"), r.getString("cuped.rule"));
        List<Map<String, Object>> rows = r.getList("cuped.comparisons");
        Map<String, Object> spend = row(rows, "SPEND_PER_USER");
        assertEquals(Boolean.TRUE, spend.get("applied"), "spend: " + spend);
        double theta = ((Number) spend.get("theta")).doubleValue();
        double reduction = ((Number) spend.get("varianceReduction")).doubleValue();
        assertTrue(theta > 1.9 && theta < 2.1, "theta follows post = 2 pre + noise, got " + theta);
        assertTrue(reduction > 0.5, "variance reduction " + reduction);
        double rawSe = number(spend.get("raw"), "standardError");
        double adjSe = number(spend.get("adjusted"), "standardError");
        assertTrue(adjSe < rawSe, "adjusted SE " + adjSe + " < raw " + rawSe);
        Map<String, Object> clicks = row(rows, "CLICKS_PER_USER");
        assertEquals(Boolean.FALSE, clicks.get("applied"), "no user clicked before the start: " + clicks);
        assertNull(clicks.get("adjusted"));
        assertFalse(((String) clicks.get("note")).isBlank());
    }

    /** Retention: history days and applied event ids past the window go; recent ones stay. */
    @Test
    void purgeDropsHistoryPastRetention() {
        String user = "purge-user-" + UUID.randomUUID();
        for (int daysAgo : new int[] {61, 59}) {
            jdbc.execute("insert into ad.user_activity_daily (user_id, day, impressions) values (?, current_date - ?, 1)", ps -> {
                ps.setString(1, user);
                ps.setInt(2, daysAgo);
            });
            jdbc.execute("insert into ad.experiment_processed_event (event_id, processed_at) values (?, now() - make_interval(days => ?))", ps -> {
                ps.setString(1, user + "-" + daysAgo);
                ps.setInt(2, daysAgo);
            });
        }
        assertTrue(history.purge() >= 2);
        assertEquals(1, sum("select count(*) from ad.user_activity_daily where user_id like ?", user));
        assertEquals(59, sum("select current_date - day from ad.user_activity_daily where user_id like ?", user));
        assertEquals(1, sum("select count(*) from ad.experiment_processed_event where event_id like ?", user + "-%"));
        assertEquals(1, sum("select count(*) from ad.experiment_processed_event where event_id like ?", user + "-59"));
    }

    private static double number(Object estimate, String field) {
        return ((Number) ((Map<?, ?>) estimate).get(field)).doubleValue();
    }

    private static long preSpend(int u) {
        return 10_000L * (1 + u % 10);
    }

    private static String user(String run, int u) {
        return "cuped-user-" + run + "-" + u;
    }

    private static UserSignal untagged(String user, Instant at, long price) {
        return UserSignal.newBuilder().setEventId(EventIds.random()).setTimeMs(at.toEpochMilli())
                .setKind(SignalKind.IMPRESSION).setUserId(user).setPriceMicros(price).build();
    }

    private void publishAll(List<UserSignal> signals) throws Exception {
        CompletableFuture.allOf(signals.stream().map(publisher::publish).toArray(CompletableFuture[]::new)).get();
    }

    private long sum(String sql, String like) {
        return jdbc.query(sql, ps -> ps.setString(1, like), rs -> rs.getLong(1)).getFirst();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String metric) {
        return rows.stream().filter(c -> metric.equals(c.get("metric"))).findFirst().orElseThrow(() -> new AssertionError("no " + metric + " row in " + rows));
    }

    private List<Assignment> assignmentFor(String experimentKey, String user) {
        return assigner.assign(user).stream().filter(a -> a.experimentKey().equals(experimentKey)).toList();
    }

    private static JsonPath results(long id) {
        return ExperimentFixtures.results(id);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        ExperimentFixtures.await(condition, what);
    }
}
