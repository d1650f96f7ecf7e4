package dev.surf.ranking.training;

/**
 * One impression with its labels and point-in-time features (model contract layout).
 *
 * @param clicked   a click with the same decision and creative followed within the click window
 * @param converted a conversion followed that click within the conversion window
 */
public record Example(long timeMs, long[] sparse, float[] dense, boolean clicked, boolean converted) {
}
