package dev.surf.ad.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.surf.infra.SurfTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

/** Teammates test their endpoints with @TestSecurity instead of real keys; the roles and ids carry over. */
@QuarkusTest
@WithTestResource(value = SurfTestResource.class, scope = TestResourceScope.GLOBAL)
class TestSecurityTest {

    @Test
    @TestSecurity(user = "424242", roles = Roles.ADVERTISER)
    void advertiserIdentityScopesQueries() {
        given().get("/api/v1/campaigns").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/advertisers").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "console", roles = Roles.INTERNAL)
    void internalIdentityReachesInternalEndpoints() {
        given().get("/api/v1/advertisers").then().statusCode(200);
        given().get("/api/v1/campaigns").then().statusCode(403);
    }
}
