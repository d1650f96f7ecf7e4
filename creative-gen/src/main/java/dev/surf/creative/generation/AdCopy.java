package dev.surf.creative.generation;

/** The four fields of one ad copy variant, as parsed from the model's JSON. */
public record AdCopy(String headline, String primaryText, String description, String callToAction) {

    /** The text embedded for near-duplicate detection. */
    public String embeddingText() {
        return headline + ". " + primaryText + " " + description;
    }
}
