package dev.surf.ranking.scoring;

/** A Score request named a model version this service cannot serve (unknown, retired or unloadable). */
public final class UnknownModelVersionException extends RuntimeException {
    public UnknownModelVersionException(String message) {
        super(message);
    }
}
