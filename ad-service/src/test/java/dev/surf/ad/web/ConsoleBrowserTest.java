package dev.surf.ad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.experiment.assign.Assignment;
import dev.surf.ad.experiment.assign.ExperimentAssigner;
import dev.surf.ad.experiment.assign.ExposureLogger;
import dev.surf.ad.tracking.SignalPublisher;
import dev.surf.events.EventIds;
import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The A/B console in real headless Chromium: an advertiser key gets "not allowed"; an internal key
 * creates an experiment (seeing the API's field errors), starts it, watches per-variant user counts
 * move as traffic is assigned and exposures flow through Kafka, sees CUPED applied to spend per user
 * (users with pre-period spend), and records decisions with who/when.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final int USERS = 2000;
    private static Browser browser;
    private static String experimentKey;

    @RegisterExtension
    static final ScreenshotOnFailure SCREENSHOTS = new ScreenshotOnFailure(() -> browser);

    @TestHTTPResource("/")
    URL base;

    @Inject
    ExperimentAssigner assigner;

    @Inject
    ExposureLogger exposures;

    @Inject
    SignalPublisher signals;

    @Inject
    io.agroal.api.AgroalDataSource ds;

    @Inject
    dev.surf.ad.decision.IndexRefresher index;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private By field(String name) {
        return By.cssSelector("[data-field=\"" + name + "\"]");
    }

    private void signIn(String key) {
        WebElement input = browser.visible(By.id("api-key"));
        input.clear();
        input.sendKeys(key);
        input.submit();
    }

    @Test
    @Order(1)
    void anAdvertiserKeyIsNotAllowed() {
        TestAccounts.Account advertiser = TestAccounts.advertiser("Console outsider " + System.nanoTime());
        browser.driver.get(base + "console");
        signIn(advertiser.key());
        WebElement page = browser.visible(By.id("not-allowed"));
        assertTrue(page.getText().contains("Not allowed"), page.getText());
        assertTrue(browser.driver.findElements(By.id("experiments-table")).isEmpty());
        browser.screenshot("console-01-advertiser-not-allowed");
        // A reload keeps the key for the tab and still refuses.
        browser.driver.navigate().refresh();
        browser.visible(By.id("not-allowed"));
        browser.click(By.xpath("//button[normalize-space()='Sign out']"));
        browser.visible(By.id("api-key"));
    }

    @Test
    @Order(2)
    void createsAnExperimentShowingFieldErrors() {
        signIn(TestAccounts.adminKey());
        browser.visible(By.xpath("//h1[normalize-space()='Experiments']"));
        browser.click(By.linkText("New experiment"));
        experimentKey = "reserve-" + System.nanoTime();
        browser.visible(field("name")).sendKeys("Higher reserve price");
        WebElement key = browser.driver.findElement(field("key"));
        key.clear();
        key.sendKeys(experimentKey);
        browser.driver.findElement(field("hypothesis")).sendKeys("A 0.20 reserve raises revenue per mille without cutting fill by more than 5 %.");
        new Select(browser.driver.findElement(field("targetKind"))).selectByValue("RESERVE_PRICE");
        WebElement layer = browser.driver.findElement(field("layer"));
        layer.clear();
        layer.sendKeys("auction-" + System.nanoTime() % 100000);
        browser.driver.findElement(field("variants[0].params")).sendKeys("100000");
        browser.driver.findElement(field("variants[1].params")).sendKeys("200000");
        WebElement treatment = browser.driver.findElement(field("variants[1].allocationPercent"));
        treatment.clear();
        treatment.sendKeys("60");
        new Select(browser.driver.findElement(field("primaryMetric"))).selectByValue("CLICK_RATE");
        browser.driver.findElement(By.cssSelector("input[name=guardrail][value=SPEND_PER_USER]")).click();
        browser.driver.findElement(By.xpath("//button[normalize-space()='Create experiment']")).click();

        browser.waitForText(By.id("variants-group-error"), "sum to 100");
        browser.fullPage("console-02-create-field-error");
        treatment.clear();
        treatment.sendKeys("50");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Create experiment']")).click();
        browser.visible(By.id("results"));
        browser.waitForText(By.id("experiment-status"), "DRAFT");
    }

    @Test
    @Order(3)
    void startsAndWatchesAssignmentCountsMoveWithTraffic() {
        browser.click(By.xpath("//button[normalize-space()='Start']"));
        browser.waitForText(By.id("experiment-status"), "RUNNING");
        assertEquals("0", usersOf("control"));

        // Pre-period history first (untagged impressions with spend 3 days ago, acknowledged before
        // any exposure), so each user's CUPED covariate is known when they enter.
        List<CompletableFuture<?>> history = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            history.add(signals.publish(impression("console-user-" + i, preSpend(i), System.currentTimeMillis() - 3 * 86_400_000L, Map.of())));
        }
        CompletableFuture.allOf(history.toArray(CompletableFuture[]::new)).join();
        // Traffic as the decision path makes it: assignment by hash, then an exposure on surf.signals.v1,
        // then a tagged impression whose spend tracks the user's pre-period spend.
        assigner.refresh();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        int inExperiment = 0;
        for (int i = 0; i < USERS; i++) {
            String user = "console-user-" + i;
            List<Assignment> mine = assigner.assign(user).stream().filter(a -> a.experimentKey().equals(experimentKey)).toList();
            if (!mine.isEmpty()) {
                inExperiment++;
                sent.add(exposures.logExposure(user, "console-decision-" + experimentKey + "-" + i, mine));
                sent.add(signals.publish(impression(user, 2 * preSpend(i) + 1000L * (i % 3), System.currentTimeMillis(),
                        Map.of(experimentKey, mine.getFirst().variantKey()))));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        assertEquals(USERS, inExperiment, "a 100 % experiment alone in its layer takes every user");

        // The page polls; both arms fill up and together hold every exposed user.
        int expected = inExperiment;
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                parse(usersOf("control")) + parse(usersOf("treatment")) == expected);
        int control = parse(usersOf("control"));
        assertTrue(control > USERS * 0.4 && control < USERS * 0.6, "a 50/50 split, got " + control + " of " + USERS);
        browser.visible(By.id("srm-ok"));
        assertTrue(browser.driver.findElements(By.cssSelector("#comparisons-table svg.ci")).size() >= 1);
        // CUPED rows sit next to the raw ones: applied to spend per user (theta about 2, most of the
        // variance gone); not to clicks per user, since nobody clicked before, and the row says why.
        browser.waitForText(By.cssSelector("#cuped-table tr[data-metric='SPEND_PER_USER'][data-estimate='cuped'] td.cuped-reduction"), "%");
        assertEquals(2, browser.driver.findElements(By.cssSelector("#cuped-table tr[data-metric='SPEND_PER_USER']")).size());
        assertTrue(browser.driver.findElements(By.cssSelector("#cuped-table tr[data-metric='SPEND_PER_USER'] svg.ci")).size() == 2);
        browser.waitForText(By.cssSelector("#cuped-table tr[data-metric='CLICKS_PER_USER'][data-estimate='cuped']"), "not applied");
        assertTrue(browser.driver.findElement(By.id("cuped-rule")).getText().contains("pre-period"));
        browser.fullPage("console-03-live-results");

        // Then real traffic: infra's load generator sends decisions for new users to POST /v1/decisions
        // and fires each served ad's impression beacon. Assignment, exposure and the tagged impression
        // now all come from the decision path, and the page's counts keep moving.
        int more = loadGeneratorTraffic(200);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                parse(usersOf("control")) + parse(usersOf("treatment")) == expected + more);
        browser.fullPage("console-03b-after-load-generator");
    }

    /** Returns how many new users got an ad (each is one exposure in the running experiment). */
    private int loadGeneratorTraffic(int users) {
        String placement = "p-console-" + experimentKey;
        try {
            new dev.surf.ad.decision.TestCampaigns(ds).create("console-" + experimentKey, "CPM", 2_000_000, 1_000_000_000,
                    placement, "");
            index.rebuild();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI root = base.toURI();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
            dev.surf.infra.load.LoadGenerator.Result r = dev.surf.infra.load.LoadGenerator.run(8, users,
                    java.time.Duration.ofSeconds(90), (u, i, rec) -> {
                        String user = "lg-user-" + experimentKey + "-" + next.getAndIncrement();
                        long t0 = System.nanoTime();
                        var decided = http.send(java.net.http.HttpRequest.newBuilder(root.resolve("/v1/decisions"))
                                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        dev.surf.ad.decision.DecisionFlowTest.decisionBody(placement, user, "US", 30, "", 1)))
                                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                        String body = decided.body();
                        int at = body.indexOf("\"impressionUrl\":\"");
                        boolean ok = decided.statusCode() == 200 && at >= 0;
                        if (ok) {
                            java.net.URI imp = java.net.URI.create(body.substring(at + 17, body.indexOf('"', at + 17)));
                            ok = http.send(java.net.http.HttpRequest.newBuilder(root.resolve(imp.getRawPath() + "?" + imp.getRawQuery()))
                                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                            served.incrementAndGet();
                        }
                        rec.record("decision+impression", System.nanoTime() - t0, ok);
                        return "decision+impression";
                    });
            assertEquals(0, r.recorder().failures(), r.report());
            assertEquals(users, served.get(), "every load-generator decision served an ad");
            return served.get();
        } catch (Exception e) {
            throw new AssertionError("load generator traffic failed", e);
        }
    }

    private static long preSpend(int user) {
        return 10_000L * (1 + user % 10);
    }

    private static UserSignal impression(String user, long priceMicros, long timeMs, Map<String, String> variants) {
        return UserSignal.newBuilder().setEventId(EventIds.random()).setTimeMs(timeMs).setKind(SignalKind.IMPRESSION)
                .setUserId(user).setPriceMicros(priceMicros).putAllExperimentVariants(variants).build();
    }

    private String usersOf(String variant) {
        // The page re-renders the results on every poll: re-find the cell when it was replaced.
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#variants-table tr[data-variant='" + variant + "'] td.users")).getText());
    }

    private static int parse(String count) {
        return Integer.parseInt(count.replaceAll("[^0-9]", ""));
    }

    @Test
    @Order(4)
    void recordsDecisionsWithWhoAndWhen() {
        browser.driver.findElement(field("reason")).sendKeys("Not enough power yet");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Extend']")).click();
        browser.waitForText(By.id("decisions-table"), "EXTEND");
        assertTrue(browser.driver.findElement(By.id("decisions-table")).getText().contains("admin"));
        new Select(browser.driver.findElement(field("variantKey"))).selectByValue("treatment");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Ship variant']")).click();
        browser.waitForText(By.id("decisions-table"), "SHIP");
        browser.waitForText(By.id("experiment-status"), "STOPPED");
        browser.fullPage("console-04-decisions");

        browser.driver.get(base + "console/#/experiments");
        browser.waitForText(By.id("experiments-table"), "Higher reserve price");
        browser.screenshot("console-05-experiments-list");
    }
}
