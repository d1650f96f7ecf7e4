package dev.surf.ad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The advertiser portal in real headless Chromium against the running app: sign in with an API key,
 * create a campaign through the wizard (with the API's field errors shown), pause and resume without a
 * reload, write and approve a creative, open the performance charts, and the phone layout.
 */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    private static Browser browser;
    private static TestAccounts.Account account;
    private static String campaignName;

    @RegisterExtension
    static final ScreenshotOnFailure SCREENSHOTS = new ScreenshotOnFailure(() -> browser);

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

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

    private String errorNextTo(String name) {
        WebElement input = browser.driver.findElement(field(name));
        return browser.driver.findElement(By.id(input.getAttribute("id") + "-error")).getText();
    }

    private void type(String name, String text) {
        WebElement e = browser.driver.findElement(field(name));
        e.clear();
        e.sendKeys(text);
    }

    private void next() {
        browser.clickable(By.xpath("//button[normalize-space()='Next']")).click();
    }

    @Test
    @Order(1)
    void rejectsABadKeyThenSignsIn() {
        account = TestAccounts.advertiser("Browser Shoes " + System.nanoTime());
        browser.driver.get(base.toString());
        browser.visible(By.id("api-key")).sendKeys("surf_aaaaaaaaaaaa_" + "x".repeat(43));
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.id("api-key-error"), "not valid");
        browser.screenshot("portal-01-sign-in-error");

        WebElement key = browser.driver.findElement(By.id("api-key"));
        key.clear();
        key.sendKeys(account.key());
        key.submit();
        browser.visible(By.xpath("//h1[normalize-space()='Campaigns']"));
        browser.screenshot("portal-02-campaigns-empty");
    }

    @Test
    @Order(2)
    void createsACampaignThroughTheWizardShowingFieldErrors() {
        campaignName = "Spring sale " + System.nanoTime();
        browser.click(By.linkText("New campaign"));
        browser.visible(field("name")).sendKeys(campaignName);
        new Select(browser.driver.findElement(field("objective"))).selectByValue("CLICKS");
        next();
        browser.visible(field("dailyBudgetMicros")).sendKeys("-5");
        type("bidAmountMicros", "0.75");
        next();
        next();
        type("countries", "US, CA");
        type("ageMin", "25");
        type("ageMax", "44");
        next();
        browser.visible(By.id("review"));
        browser.driver.findElement(By.xpath("//button[normalize-space()='Create campaign']")).click();

        // The API's problem+json error lands next to the budget field, on the step that holds it.
        browser.wait.until(d -> !errorNextTo("dailyBudgetMicros").isBlank());
        assertEquals("true", browser.driver.findElement(field("dailyBudgetMicros")).getAttribute("aria-invalid"));
        assertTrue(browser.driver.findElement(field("dailyBudgetMicros")).isDisplayed());
        browser.screenshot("portal-03-wizard-field-error");

        type("dailyBudgetMicros", "50");
        next();
        next();
        next();
        browser.driver.findElement(By.xpath("//button[normalize-space()='Create campaign']")).click();
        browser.visible(By.id("campaigns-table"));
        browser.waitForText(By.id("campaigns-table"), campaignName);
        WebElement row = campaignRow();
        assertTrue(row.getText().contains("DRAFT"), row.getText());
        assertTrue(row.getText().contains("$50.00"), row.getText());
        browser.screenshot("portal-04-campaigns-list");
    }

    private WebElement campaignRow() {
        return browser.driver.findElement(By.xpath("//table[@id='campaigns-table']//tr[.//a[normalize-space()='" + campaignName + "']]"));
    }

    @Test
    @Order(3)
    void activatesPausesAndResumesWithoutReload() {
        browser.driver.executeScript("window.__noReload = 'still here'");
        for (String[] step : List.of(new String[] {"Activate", "ACTIVE"}, new String[] {"Pause", "PAUSED"},
                new String[] {"Resume", "ACTIVE"})) {
            WebElement button = campaignRow().findElement(By.xpath(".//button[normalize-space()='" + step[0] + "']"));
            button.click();
            browser.wait.until(d -> campaignRow().findElement(By.cssSelector(".badge")).getText().equals(step[1]));
        }
        assertEquals("still here", browser.driver.executeScript("return window.__noReload"));
    }

    @Test
    @Order(4)
    void writesAndApprovesACreativeWithPreview() {
        campaignRow().findElement(By.linkText("Creatives")).click();
        browser.visible(By.id("manual-title"));
        WebElement manual = browser.driver.findElement(By.xpath("//form[@aria-labelledby='manual-title']"));
        manual.findElement(field("headline")).sendKeys("Run lighter this spring");
        manual.findElement(field("primaryText")).sendKeys("Trail shoes that weigh less than your water bottle.");
        manual.findElement(field("description")).sendKeys("Free returns");
        new Select(manual.findElement(field("callToAction"))).selectByValue("SHOP_NOW");
        manual.findElement(field("landingUrl")).sendKeys("https://shop.example.com/spring");
        // The preview renders as the ad will, while typing.
        browser.waitForText(By.cssSelector("form[aria-labelledby='manual-title'] .ad-preview"), "Run lighter this spring");
        assertTrue(manual.findElement(By.cssSelector(".ad-preview .cta")).getText().equalsIgnoreCase("Shop now"));
        browser.fullPage("portal-05-creative-studio");
        manual.findElement(By.xpath(".//button[normalize-space()='Save as draft']")).click();

        browser.waitForText(By.id("creative-list"), "Run lighter this spring");
        By row = By.xpath("//table[@id='creatives-table']//tr[.//th[normalize-space()='Run lighter this spring']]");
        assertTrue(browser.driver.findElement(row).getText().contains("DRAFT"));
        browser.driver.findElement(row).findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
        browser.wait.until(d -> d.findElement(row).getText().contains("PENDING_REVIEW"));
        browser.fullPage("portal-06-creative-approved");
    }

    @Test
    @Order(5)
    void showsPerformanceChartsBreakdownsAndExportsCsv() throws SQLException {
        long campaignId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*#/campaigns/(\\d+)/studio.*", "$1"));
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // Rows as the spend and stats consumer writes them, attributed to the wizard's ad set and the creative.
        long adSetId = idOf("select id from ad_set where campaign_id = ?", campaignId);
        long creativeId = idOf("select id from creative where campaign_id = ?", campaignId);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into stats_hourly (campaign_id, advertiser_id, hour, impressions, clicks, conversions, spend_micros, "
                        + "ad_set_id, creative_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long[][] rows = {{1, 1000, 30, 3, 2_250_000}, {26, 800, 20, 1, 1_500_000}, {50, 400, 4, 0, 300_000}};
            for (long[] r : rows) {
                ps.setLong(1, campaignId);
                ps.setLong(2, account.advertiserId());
                ps.setTimestamp(3, Timestamp.from(hour.minus(r[0], ChronoUnit.HOURS)));
                ps.setLong(4, r[1]);
                ps.setLong(5, r[2]);
                ps.setLong(6, r[3]);
                ps.setLong(7, r[4]);
                ps.setLong(8, adSetId);
                ps.setLong(9, creativeId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        browser.driver.get(base + "#/campaigns");
        browser.waitForText(By.id("campaigns-table"), campaignName);
        String row = campaignRow().getText();
        assertTrue(row.contains("2,200") && row.contains("54") && row.contains("$4.05"), row);

        campaignRow().findElement(By.linkText("Performance")).click();
        browser.visible(By.id("charts"));
        browser.waitForText(By.id("totals"), "2,200");
        List<WebElement> charts = browser.driver.findElements(By.cssSelector("#charts figure.chart"));
        assertEquals(4, charts.size());
        for (WebElement chart : charts) {
            assertFalse(chart.findElements(By.cssSelector("svg path.series")).isEmpty(), chart.getText());
        }
        String byCreative = browser.driver.findElement(By.id("breakdown-creative")).getText();
        assertTrue(byCreative.contains("Run lighter this spring") && byCreative.contains("2,200"), byCreative);
        String byAdSet = browser.driver.findElement(By.id("breakdown-adset")).getText();
        assertTrue(byAdSet.contains(campaignName + " · default") && byAdSet.contains("2,200"), byAdSet);
        browser.fullPage("portal-07-performance-by-day");

        browser.driver.findElement(By.cssSelector("input[name=granularity][value=hour]")).click();
        new Select(browser.visible(By.id("range"))).selectByValue("7");
        browser.wait.until(d -> d.findElements(By.cssSelector("#charts figure.chart svg circle.dot")).size() >= 4 * 7 * 24);
        browser.waitForText(By.id("totals"), "2,200");
        browser.fullPage("portal-08-performance-by-hour");

        // CSV export goes through fetch with the key; read it the same way the button does.
        String csv = (String) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('surf.apiKey')}})
                  .then(r => r.text()).then(done, e => done(String(e)));""",
                "/api/v1/campaigns/" + campaignId + "/performance/export?granularity=hour&from=" + hour.minus(3, ChronoUnit.DAYS));
        assertTrue(csv.startsWith("bucket_start,ad_set_id"), csv);
        assertEquals(3, csv.strip().split("\\R").length - 1, csv);
        browser.driver.findElement(By.xpath("//button[normalize-space()='Export CSV']")).click();
    }

    private long idOf(String sql, long campaignId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, campaignId);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    @Test
    @Order(6)
    void worksAtPhoneWidth() {
        browser.size(Browser.PHONE);
        try {
            browser.driver.get(base + "#/campaigns");
            browser.waitForText(By.id("campaigns-table"), campaignName);
            Number pageWidth = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
            assertTrue(pageWidth.intValue() <= Browser.PHONE.width, "the page scrolls sideways at phone width: " + pageWidth);
            browser.screenshot("portal-09-phone-campaigns");
            campaignRow().findElement(By.linkText("Edit")).click();
            browser.visible(field("name"));
            assertEquals(campaignName, browser.driver.findElement(field("name")).getAttribute("value"));
            browser.screenshot("portal-10-phone-wizard");
        } finally {
            browser.size(Browser.LAPTOP);
        }
    }

    @Test
    @Order(7)
    void keyboardOnlySignOutAndSignIn() {
        browser.driver.get(base + "#/campaigns");
        browser.visible(By.id("campaigns-table"));
        browser.click(By.xpath("//button[normalize-space()='Sign out']"));
        WebElement key = browser.visible(By.id("api-key"));
        assertEquals(key, browser.driver.switchTo().activeElement(), "sign-in focuses the key field");
        key.sendKeys(account.key() + org.openqa.selenium.Keys.ENTER);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaigns-table")));
    }
}
