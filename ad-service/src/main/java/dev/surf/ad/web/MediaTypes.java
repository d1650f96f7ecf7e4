package dev.surf.ad.web;

public final class MediaTypes {
    /** RFC 7396 JSON merge patch. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private MediaTypes() {
    }
}
