package dev.surf.ad.openrtb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.ad.decision.IndexRefresher;
import dev.surf.ad.decision.RankerFixtureResource;
import dev.surf.ad.decision.TestCampaigns;
import dev.surf.infra.SurfTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bidder against requests shaped like the IAB OpenRTB 2.6 specification's examples. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RankerFixtureResource.class, scope = TestResourceScope.GLOBAL)
class OpenRtbTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    IndexRefresher refresher;

    private static TestCampaigns.Created web;
    private static TestCampaigns.Created app;

    static String example(String name) throws IOException {
        try (InputStream in = OpenRtbTest.class.getResourceAsStream("/openrtb/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void campaigns() throws Exception {
        if (web == null) {
            TestCampaigns t = new TestCampaigns(ds);
            web = t.create("rtb-web", "CPM", 2_500_000, 100_000_000, "openrtb", "");
            // The app example: placement = tagid, US (the example's USA), women, mobile.
            app = t.create("rtb-app", "CPC", 400_000, 100_000_000, "agltb3B1Yi1pbmNyDQsSBFNpdGUY7fD0FAw",
                    "countries = array['US'], genders = array['female'], devices = array['mobile'], age_min = 18");
            refresher.rebuild();
        }
    }

    @Test
    void simpleBannerGetsABidAboveTheFloor() throws IOException {
        JsonPath r = given().contentType("application/json").body(example("simple-banner.json")).post("/openrtb2/bid")
                .then().statusCode(200).body("id", equalTo("80ce30c53c16e6ede735f123ef6e32361bfc7b22"))
                .body("cur", equalTo("USD")).extract().jsonPath();
        assertEquals("1", r.getString("seatbid[0].bid[0].impid"));
        double price = r.getDouble("seatbid[0].bid[0].price");
        assertTrue(price >= 0.03 && price <= 2.5, "price " + price);
        assertEquals(Long.toString(web.creativeId()), r.getString("seatbid[0].bid[0].crid"));
        assertTrue(r.getString("seatbid[0].bid[0].adm").contains("/t/click?t="));
        assertTrue(r.getString("seatbid[0].bid[0].nurl").contains("/t/imp?t="));
        assertTrue(r.getString("seatbid[0].bid[0].burl").contains("/t/imp?t="));
        assertEquals(300, r.getInt("seatbid[0].bid[0].w"));
    }

    @Test
    void mobileAppExampleMapsTargeting() throws IOException {
        JsonPath r = given().contentType("application/json").body(example("mobile-app.json")).post("/openrtb2/bid")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Long.toString(app.campaignId()), r.getString("seatbid[0].bid[0].cid"));
        assertTrue(r.getDouble("seatbid[0].bid[0].price") >= 0.5);
    }

    @Test
    void noBidIs204() throws IOException {
        given().contentType("application/json").body(example("video.json")).post("/openrtb2/bid").then().statusCode(204);
        String highFloor = example("simple-banner.json").replace("\"bidfloor\": 0.03", "\"bidfloor\": 500.0");
        given().contentType("application/json").body(highFloor).post("/openrtb2/bid").then().statusCode(204);
        String euro = example("simple-banner.json").replace("\"cur\": [\"USD\"]", "\"cur\": [\"EUR\"]");
        given().contentType("application/json").body(euro).post("/openrtb2/bid").then().statusCode(204);
    }

    @Test
    void malformedRequestsAre400WithAReason() throws IOException {
        String ok = example("simple-banner.json");
        for (String bad : List.of("", "not json", "[]", "{}", "{\"id\": \"x\"}", "{\"id\": \"x\", \"imp\": []}",
                ok.replace("\"id\": \"80ce30c53c16e6ede735f123ef6e32361bfc7b22\",", ""),
                ok.replace("\"bidfloor\": 0.03", "\"bidfloor\": -1"),
                ok.replace("\"bidfloor\": 0.03", "\"bidfloor\": \"cheap\""),
                "{\"id\": \"x\", \"imp\": [{\"id\": \"1\", \"banner\": {}}, {\"id\": \"1\", \"banner\": {}}]}",
                "{\"id\": \"x\", \"imp\": [{\"banner\": {}}]}")) {
            given().contentType("application/json").body(bad).post("/openrtb2/bid").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("detail", org.hamcrest.Matchers.notNullValue());
        }
    }
}
