package dev.surf.ad.web;

import java.util.List;

/** Thrown by services for an expected failure; the mapper turns it into its problem response. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String entity, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found",
                entity + " " + id + " does not exist", List.of()));
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(Problem.of(422, "validation", "Invalid request",
                detail, List.of(new FieldError(field, detail))));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.of(422, "validation", "Invalid request",
                errors.size() + " field(s) are invalid", errors));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail, List.of()));
    }

    public static ProblemException staleVersion(long expected, long actual) {
        return new ProblemException(Problem.of(412, "stale-version", "Precondition failed",
                "version " + expected + " is stale; the current version is " + actual
                        + " (GET it again and reapply your change)",
                List.of(new FieldError("version", "expected " + actual))));
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail,
                field == null ? List.of() : List.of(new FieldError(field, detail))));
    }
}
