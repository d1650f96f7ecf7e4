package dev.surf.creative.api;

import java.util.List;

/** Thrown by resources to answer with a problem+json response. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<String> errors;

    public ProblemException(int status, String title, String detail, List<String> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<String> errors() {
        return errors;
    }
}
