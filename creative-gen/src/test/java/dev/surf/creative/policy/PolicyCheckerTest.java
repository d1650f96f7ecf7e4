package dev.surf.creative.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.creative.generation.AdCopy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCheckerTest {
    private final PolicyChecker checker = new PolicyChecker(List.of("guaranteed cure", "miracle"), 0.5, 2);
    private static final String LANDING = "https://www.trailshoes.com/spring-sale";

    private static AdCopy copy(String headline, String primary, String description) {
        return new AdCopy(headline, primary, description, "SHOP_NOW");
    }

    private Verdict check(AdCopy c, String... advertiserTerms) {
        return checker.check(c, List.of(advertiserTerms), LANDING);
    }

    private static void assertRejected(Verdict v, String reasonFragment) {
        assertFalse(v.passed(), "expected a rejection for " + reasonFragment);
        assertTrue(v.reasons().stream().anyMatch(r -> r.contains(reasonFragment)), reasonFragment + " not in " + v.reasons());
    }

    @Test
    void cleanCopyPasses() {
        Verdict v = check(copy("Trail shoes, 20% off this week", "Grip, cushion and a fit that lasts the whole run. "
                + "See the spring range at trailshoes.com.", "Free returns for 30 days"));
        assertTrue(v.passed(), v.reasons().toString());
        assertEquals(List.of(), v.reasons());
    }

    @Test
    void lengthsOverTheLimitsAreRejected() {
        Verdict v = check(copy("x".repeat(41), "y".repeat(126), "z".repeat(31)));
        assertRejected(v, "headline is 41 characters (max 40)");
        assertRejected(v, "primary_text is 126 characters (max 125)");
        assertRejected(v, "description is 31 characters (max 30)");
        assertRejected(check(copy(" ", "ok text", "fine")), "headline is empty");
    }

    @Test
    void globalAndAdvertiserBannedTermsAreRejectedAsWholeWords() {
        assertRejected(check(copy("A miracle for your feet", "Run more.", "Shop now")), "\"miracle\" (globally banned)");
        assertRejected(check(copy("Better than Acme", "Run more.", "Shop now"), "acme"), "\"acme\" (banned for this advertiser)");
        assertRejected(check(copy("Shoes", "This is a Guaranteed Cure for slow runs.", "Shop now")), "guaranteed cure");
        // whole words only: "pharmacy" does not contain the word "acme"
        assertTrue(check(copy("Pharmacy-grade insoles", "Run more.", "Shop now"), "acme").passed());
    }

    @Test
    void secondPersonPlusSensitiveAttributeIsRejected() {
        assertRejected(check(copy("Are you depressed?", "Running lifts the mood.", "Shop now")),
                "asserts a personal attribute");
        assertRejected(check(copy("Shoes for runners", "Struggling with your diabetes? Walk it off.", "Shop now")),
                "\"diabetes\" addressed to \"you\"");
        assertRejected(check(copy("Meet Christian singles near you", "Run together.", "Join now")), "personal attribute");
        // the attribute alone, not asserted of the reader, is fine
        assertTrue(check(copy("Shoes for every runner", "Our founder ran through depression research.", "Shop now")).passed());
        // second person alone is fine
        assertTrue(check(copy("Your next PB starts here", "Light shoes for long runs.", "Shop now")).passed());
    }

    @Test
    void excessiveCapitalsAndPunctuationAreRejected() {
        assertRejected(check(copy("HUGE SALE ON ALL SHOES", "Run more.", "Shop now")), "headline has excessive capitals");
        assertRejected(check(copy("Sale now on", "Run more!!", "Shop now")), "excessive punctuation (\"!!\")");
        assertRejected(check(copy("Sale!", "Run more! Faster!", "Go!")), "4 exclamation marks (max 2)");
        assertRejected(check(copy("Why wait?!", "Run more.", "Shop now")), "\"?!\"");
        // short all-caps words and one exclamation are normal copy
        assertTrue(check(copy("NEW: trail shoes", "Run more, pay less!", "Free UK delivery")).passed());
    }

    @Test
    void urlsInTheCopyMustMatchTheLandingDomain() {
        assertRejected(check(copy("Trail shoes", "Order at https://cheap-shoes.net/deal now.", "Shop now")),
                "cheap-shoes.net, which is not the landing domain www.trailshoes.com");
        assertRejected(check(copy("Trail shoes", "Run more.", "see bestdeals.co")), "bestdeals.co");
        assertTrue(check(copy("Trail shoes", "Order at https://shop.trailshoes.com/x today.", "www.trailshoes.com")).passed());
        assertRejected(checker.check(copy("Trail shoes", "Visit trailshoes.com.", "Shop now"), List.of(), ""),
                "no landing URL");
        // sentence punctuation and prices are not domains
        assertTrue(check(copy("Now 20.99", "Fast.Light.Ready. Run more.", "Shop now")).passed());
    }
}
