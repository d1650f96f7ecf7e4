package dev.surf.ad.web.studio;

import java.util.List;

/** The creative studio's brief, as the portal sends it. */
public record StudioBrief(String product, String offer, String audience, String tone, String language, Integer count,
        List<String> mustSay, List<String> mustNotSay, String landingUrl, Long seed) {
}
