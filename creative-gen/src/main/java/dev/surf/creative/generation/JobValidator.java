package dev.surf.creative.generation;

import dev.surf.events.v1.CreativeBrief;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The rules a request must meet before a model sees it; the same for Kafka and REST. */
public final class JobValidator {
    public static final int MAX_FIELD = 200;
    public static final int MAX_TERMS = 50;

    private JobValidator() {
    }

    /** Every problem found; empty when valid. */
    public static List<String> problems(GenerationJob job, int maxVariants) {
        List<String> p = new ArrayList<>();
        if (job.requestId() == null || job.requestId().isBlank() || job.requestId().length() > 100) {
            p.add("requestId is required (at most 100 characters)");
        }
        if (job.advertiserId() <= 0) {
            p.add("advertiserId must be positive");
        }
        if (job.campaignId() < 0) {
            p.add("campaignId must not be negative");
        }
        if (job.count() < 1 || job.count() > maxVariants) {
            p.add("count must be between 1 and " + maxVariants);
        }
        if (job.seed() < 0 || job.seed() > Integer.MAX_VALUE) {
            p.add("seed must be between 0 and " + Integer.MAX_VALUE);
        }
        CreativeBrief b = job.brief();
        if (b == null || b.getProduct().isBlank()) {
            p.add("brief.product is required");
        } else {
            text(p, "brief.product", b.getProduct());
            text(p, "brief.offer", b.getOffer());
            text(p, "brief.audience", b.getAudience());
            text(p, "brief.tone", b.getTone());
            if (!b.getLanguage().isBlank() && !b.getLanguage().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                p.add("brief.language must be a BCP 47 tag such as en or pt-BR");
            }
            terms(p, "brief.mustSay", b.getMustSayList());
            terms(p, "brief.mustNotSay", b.getMustNotSayList());
        }
        terms(p, "bannedTerms", job.bannedTerms());
        String url = job.landingUrl();
        if (url != null && !url.isBlank()) {
            try {
                URI u = URI.create(url);
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    p.add("landingUrl must be an http(s) URL with a host");
                }
            } catch (IllegalArgumentException e) {
                p.add("landingUrl is not a valid URL");
            }
        }
        return p;
    }

    private static void text(List<String> p, String name, String v) {
        if (v.length() > MAX_FIELD) {
            p.add(name + " must be at most " + MAX_FIELD + " characters");
        }
    }

    private static void terms(List<String> p, String name, List<String> terms) {
        if (terms.size() > MAX_TERMS) {
            p.add(name + " may hold at most " + MAX_TERMS + " terms");
        }
        for (String t : terms) {
            if (t == null || t.isBlank() || t.length() > 100) {
                p.add(name + " terms must be non-blank and at most 100 characters");
                return;
            }
        }
    }
}
