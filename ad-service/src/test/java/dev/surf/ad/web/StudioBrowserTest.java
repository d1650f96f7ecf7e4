package dev.surf.ad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.TestApi;
import dev.surf.ad.creative.CreativeGenProcess;
import dev.surf.ad.creative.CreativeGenTestResource;
import dev.surf.events.KafkaSettings;
import dev.surf.events.Topics;
import dev.surf.events.v1.CreativeResult;
import dev.surf.events.v1.CreativeVariant;
import dev.surf.events.v1.SamplingSettings;
import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The creative studio end to end in headless Chromium with the real creative-gen process (tiny Llama):
 * sign in, write a brief, watch the variants stream in with progress, edit one, approve it and find it
 * in the creatives list; then the "Generate in background" table turning from QUEUED to COMPLETED
 * without a reload. stories260K writes nonsense, so the test asserts what the pipeline guarantees:
 * every requested variant is shown, either offered or blocked with its policy reasons.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CreativeGenTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioBrowserTest {
    private static final int VARIANTS = 2;
    private static Browser browser;
    private static TestApi.Tenant account;
    private static long campaign;

    @RegisterExtension
    static final ScreenshotOnFailure SCREENSHOTS = new ScreenshotOnFailure(() -> browser);

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        CreativeGenProcess.assumeAvailable();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private WebElement briefField(String name) {
        return browser.driver.findElement(By.cssSelector("form[aria-labelledby='brief-title'] [data-field=\"" + name + "\"]"));
    }

    private void type(String name, String text) {
        WebElement e = briefField(name);
        e.clear();
        e.sendKeys(text);
    }

    private void openStudio() {
        browser.driver.get(base + "#/campaigns/" + campaign + "/studio");
        browser.visible(By.id("brief-title"));
    }

    @Test
    @Order(1)
    void streamsVariantsEditsOneAndApprovesIt() {
        account = TestApi.newTenant("studio-browser");
        campaign = TestApi.createCampaign(account, "Studio coffee");
        browser.driver.get(base.toString());
        browser.visible(By.id("api-key")).sendKeys(account.key());
        browser.driver.findElement(By.id("api-key")).submit();
        browser.visible(By.xpath("//h1[normalize-space()='Campaigns']"));
        openStudio();

        type("product", "single-origin coffee beans");
        type("offer", "free shipping");
        type("audience", "home baristas");
        type("count", String.valueOf(VARIANTS));
        type("landingUrl", "https://beans.example.com/spring");
        browser.driver.executeScript("window.__noReload = 'still here'");
        browser.click(By.xpath("//button[normalize-space()='Generate variants']"));

        // Progress is visible while the model works; then every variant arrives as a card.
        WebElement progress = browser.driver.findElement(By.cssSelector("form[aria-labelledby='brief-title'] progress"));
        assertTrue(progress.isDisplayed(), "the progress bar shows while generating");
        WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofMinutes(3), Duration.ofMillis(100));
        slow.until(d -> !d.findElements(By.cssSelector("#variants .variant")).isEmpty());
        browser.screenshot("studio-01-first-variant-streamed");
        slow.until(d -> d.findElement(By.cssSelector("form[aria-labelledby='brief-title'] p[role=status]")).getText().startsWith("Done:"));
        String status = browser.driver.findElement(By.cssSelector("form[aria-labelledby='brief-title'] p[role=status]")).getText();
        assertTrue(status.contains(VARIANTS + " variants") && status.contains("stories260K"), status);
        assertEquals(String.valueOf(VARIANTS), progress.getAttribute("value"));
        List<WebElement> cards = browser.driver.findElements(By.cssSelector("#variants .variant"));
        assertEquals(VARIANTS, cards.size());
        browser.fullPage("studio-02-variants");

        // Blocked variants say why; an offered one can be edited and approved.
        WebElement offered = null;
        for (WebElement card : cards) {
            if (card.getAttribute("class").contains("rejected-by-policy")) {
                assertFalse(card.findElements(By.cssSelector("ul.reasons li")).isEmpty(), card.getText());
                assertFalse(card.findElement(By.xpath(".//button[normalize-space()='Approve']")).isEnabled());
            } else if (offered == null) {
                offered = card;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(offered != null,
                "the tiny model's variants were all blocked by policy this run (shown with reasons); nothing to approve");
        WebElement headline = offered.findElement(By.cssSelector("[data-field=headline]"));
        headline.clear();
        headline.sendKeys("Fresh beans, edited by hand");
        assertTrue(offered.findElement(By.cssSelector(".ad-preview")).getText().contains("Fresh beans, edited by hand"),
                "the preview follows the edit");
        offered.findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
        WebElement card = offered;
        browser.wait.until(d -> card.findElement(By.cssSelector(".badge")).getText().equals("PENDING_REVIEW"));

        By row = By.xpath("//table[@id='creatives-table']//tr[.//th[normalize-space()='Fresh beans, edited by hand']]");
        browser.wait.until(d -> !d.findElements(row).isEmpty());
        String rowText = browser.driver.findElement(row).getText();
        assertTrue(rowText.contains("PENDING_REVIEW") && rowText.contains("generated"), rowText);
        assertEquals("still here", browser.driver.executeScript("return window.__noReload"));
        browser.fullPage("studio-03-approved-in-list");

        long id = Long.parseLong(browser.driver.findElement(row).getDomAttribute("data-creative-id"));
        JsonPath c = account.as().get("/api/v1/creatives/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("GENERATED", c.getString("source"));
        assertEquals("llama.cpp:stories260K", c.getString("generator.model"));
        assertEquals(true, c.getBoolean("generator.edited"));
        assertTrue(c.getString("generationRequest").startsWith("studio-"), c.getString("generationRequest"));
    }

    @Test
    @Order(2)
    void backgroundRequestGoesFromQueuedToCompletedWithoutReload() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(account != null, "needs the signed-in account of the first test");
        openStudio();
        type("product", "cold brew kit");
        type("count", "1");
        type("landingUrl", "https://beans.example.com/cold");
        browser.driver.executeScript("window.__noReload = 'still here'");
        browser.click(By.xpath("//button[normalize-space()='Generate in background']"));
        By table = By.id("requests-table");
        browser.waitForText(table, "QUEUED");
        String queuedRow = browser.driver.findElement(table).getText();
        assertTrue(queuedRow.contains("cold brew kit") && !queuedRow.contains("beans"), queuedRow);
        browser.screenshot("studio-04-background-queued");

        // This test's creative-gen serves the stream only; answer the queued request the way its consumer does.
        JsonPath queued = account.as().get("/api/v1/campaigns/" + campaign + "/creative-requests").then().statusCode(200)
                .extract().jsonPath();
        String requestId = queued.getString("items[0].id");
        CreativeVariant v = CreativeVariant.newBuilder().setHeadline("Cold brew, ready by morning")
                .setPrimaryText("Everything for smooth cold brew at home.").setCallToAction("SHOP_NOW")
                .setSampling(SamplingSettings.newBuilder().setSeed(1)).build();
        try (var producer = new KafkaProducer<String, byte[]>(KafkaSettings.producer(
                SurfTestResource.broker().bootstrapServers(), "studio-browser-test"))) {
            producer.send(new ProducerRecord<>(Topics.CREATIVE_RESULTS.name(), String.valueOf(campaign),
                    CreativeResult.newBuilder().setRequestId(requestId).setAdvertiserId(account.id()).setCampaignId(campaign)
                            .setLandingUrl("https://beans.example.com/cold").setModel("llama.cpp:stories260K").addVariants(v)
                            .build().toByteArray())).get();
        }
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60), Duration.ofMillis(100));
        wait.until(d -> d.findElement(table).getText().contains("COMPLETED"));
        assertTrue(browser.driver.findElement(table).getText().contains("1 draft stored"),
                browser.driver.findElement(table).getText());
        wait.until(d -> d.findElement(By.id("creatives-table")).getText().contains("Cold brew, ready by morning"));
        assertEquals("still here", browser.driver.executeScript("return window.__noReload"));
        browser.fullPage("studio-05-background-completed");
    }
}
