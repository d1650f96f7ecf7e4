package dev.surf.creative.llm;

/** A backend failure; retryable ones (timeouts, 5xx, 429, connection errors) may succeed later. */
public class LlmException extends Exception {
    private final boolean retryable;

    public LlmException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public LlmException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
