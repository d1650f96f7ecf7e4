package dev.surf.creative.generation;

import dev.surf.events.CreativeRules;
import dev.surf.events.v1.CreativeBrief;

/** Turns an advertiser's brief into the system and user messages the model sees. */
public final class PromptBuilder {
    private PromptBuilder() {
    }

    public static String system() {
        return "You write ad copy for online ads. Reply with one JSON object with the fields headline (at most "
                + CreativeRules.HEADLINE_MAX + " characters), primary_text (at most " + CreativeRules.PRIMARY_TEXT_MAX
                + "), description (at most " + CreativeRules.DESCRIPTION_MAX + ") and call_to_action (one of "
                + String.join(", ", CreativeRules.CALLS_TO_ACTION) + "). Never address the reader's health, beliefs,"
                + " finances or other personal attributes.";
    }

    public static String user(CreativeBrief brief) {
        StringBuilder b = new StringBuilder("Product: ").append(brief.getProduct()).append('\n');
        line(b, "Offer", brief.getOffer());
        line(b, "Audience", brief.getAudience());
        line(b, "Tone", brief.getTone());
        line(b, "Language", brief.getLanguage().isBlank() ? "en" : brief.getLanguage());
        if (brief.getMustSayCount() > 0) {
            line(b, "Must say", String.join(", ", brief.getMustSayList()));
        }
        if (brief.getMustNotSayCount() > 0) {
            line(b, "Never say", String.join(", ", brief.getMustNotSayList()));
        }
        return b.append("Write the ad.").toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(label).append(": ").append(value).append('\n');
        }
    }
}
