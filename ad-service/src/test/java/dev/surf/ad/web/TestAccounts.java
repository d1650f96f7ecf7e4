package dev.surf.ad.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;

/** Advertisers and their keys, made through the real API with the configured bootstrap admin key. */
public final class TestAccounts {
    private TestAccounts() {
    }

    public record Account(long advertiserId, String key) {
    }

    public static String adminKey() {
        return ConfigProvider.getConfig().getValue("surf.admin.api-key", String.class);
    }

    public static Account advertiser(String name) {
        long id = given().auth().oauth2(adminKey()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"currency\":\"USD\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/advertisers").then().statusCode(201).extract().jsonPath().getLong("id");
        String key = given().auth().oauth2(adminKey()).contentType(ContentType.JSON).body("{\"name\":\"browser test\"}")
                .post("/api/v1/advertisers/" + id + "/api-keys").then().statusCode(201).extract().jsonPath().getString("key");
        return new Account(id, key);
    }
}
