package dev.surf.ad.experiment;

import java.util.List;

/** A client error to be answered as RFC 9457 problem+json with this status. */
public class ProblemException extends RuntimeException {
    /** One invalid field and why. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(long id) {
        return new ProblemException(404, "Not Found", "experiment " + id + " does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "Unprocessable Content", "the experiment is not valid", errors);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
