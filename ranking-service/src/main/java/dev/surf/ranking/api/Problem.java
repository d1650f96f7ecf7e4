package dev.surf.ranking.api;

/** An RFC 9457 problem document. */
public record Problem(String type, String title, int status, String detail, String instance) {
}
