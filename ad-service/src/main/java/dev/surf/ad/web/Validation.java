package dev.surf.ad.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Validates request records with Bean Validation and fails with a 422 problem listing every bad field. */
@ApplicationScoped
public class Validation {
    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ProblemException(problem(violations));
        }
        return value;
    }

    public static Problem problem(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return Problem.of(422, "validation", "Invalid request", errors.size() + " field(s) are invalid", errors);
    }

    private static String field(String path) {
        String p = path.replace(".<list element>", "").replace(".<iterable element>", "");
        // Method-parameter paths ("create.body.name") keep only the property part.
        int arg = p.indexOf(".body.");
        return arg >= 0 ? p.substring(arg + 6) : p;
    }
}
