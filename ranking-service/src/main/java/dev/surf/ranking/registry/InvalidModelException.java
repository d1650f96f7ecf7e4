package dev.surf.ranking.registry;

/** An uploaded file is not a model this service can serve; the message says why. */
public class InvalidModelException extends RuntimeException {
    public InvalidModelException(String message) {
        super(message);
    }
}
