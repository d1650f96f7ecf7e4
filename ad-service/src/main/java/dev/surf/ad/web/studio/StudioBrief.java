package dev.surf.ad.web.studio;

import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** The creative studio's brief, as the portal sends it (also the body of a background creative request). */
public record StudioBrief(String product, String offer, String audience, String tone, String language, Integer count,
        List<String> mustSay, List<String> mustNotSay, String landingUrl, Long seed) {
    /** Variants per request; creative-gen's own limit (creative.generation.max-variants) is the same. */
    public static final int MAX_VARIANTS = 10;

    /** The brief rules shared by the studio stream and background requests: 422 with every field error. */
    public static void validate(StudioBrief brief) {
        if (brief == null) {
            throw ProblemException.badRequest(null, "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (brief.product() == null || brief.product().isBlank() || brief.product().length() > 200) {
            errors.add(new FieldError("product", "required, at most 200 characters"));
        }
        String[][] shortTexts = {{"offer", brief.offer()}, {"audience", brief.audience()}, {"tone", brief.tone()}, {"language", brief.language()}};
        for (String[] f : shortTexts) {
            if (f[1] != null && f[1].length() > 200) {
                errors.add(new FieldError(f[0], "at most 200 characters"));
            }
        }
        if (brief.count() == null || brief.count() < 1 || brief.count() > MAX_VARIANTS) {
            errors.add(new FieldError("count", "between 1 and " + MAX_VARIANTS));
        }
        String url = brief.landingUrl() == null ? "" : brief.landingUrl().strip();
        if (!url.startsWith("https://") || url.length() > 2048 || url.length() < 12) {
            errors.add(new FieldError("landingUrl", "an https:// URL is required"));
        }
        checkTerms("mustSay", brief.mustSay(), errors);
        checkTerms("mustNotSay", brief.mustNotSay(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void checkTerms(String field, List<String> terms, List<FieldError> errors) {
        if (terms != null && (terms.size() > 20 || terms.stream().anyMatch(t -> t == null || t.length() > 80))) {
            errors.add(new FieldError(field, "at most 20 terms of at most 80 characters"));
        }
    }
}
