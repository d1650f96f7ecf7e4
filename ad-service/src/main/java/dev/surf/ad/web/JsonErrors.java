package dev.surf.ad.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns Jackson's reading failures into a 400 problem naming the field, without echoing huge input. */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static Problem problem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Problem.of(400, "malformed-json", "Malformed JSON", "a value in the body exceeds the size limits", List.of());
        }
        if (e instanceof JsonParseException) {
            return Problem.of(400, "malformed-json", "Malformed JSON",
                    "the body is not valid JSON near line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr(), List.of());
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            String name = field.isEmpty() ? String.valueOf(u.getPropertyName()) : field;
            return problem400("unknown-field", "Unknown field", name, "unknown field '" + clip(String.valueOf(u.getPropertyName()))
                    + "'; known fields: " + u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f) {
            String detail = "value " + clip(String.valueOf(f.getValue())) + " is not a valid " + typeName(f.getTargetType());
            return problem400("wrong-type", "Wrong type", field, detail);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() == null ? v : v.getCause();
            return problem400("invalid-value", "Invalid value", field, clip(String.valueOf(cause.getMessage())));
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getTargetType() == null && field.isEmpty()) {
                return Problem.of(400, "malformed-json", "Malformed JSON", "the body is empty or not a JSON object", List.of());
            }
            return problem400("wrong-type", "Wrong type", field.isEmpty() ? "$" : field,
                    "expected " + typeName(m.getTargetType()));
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", "the body could not be read as the expected JSON", List.of());
    }

    private static Problem problem400(String slug, String title, String field, String detail) {
        return Problem.of(400, slug, title, detail, List.of(new FieldError(field.isEmpty() ? "$" : field, detail)));
    }

    static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(clip(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value; allowed: " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "integer";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "timestamp (ISO-8601, e.g. 2026-01-31T00:00:00Z)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }

    static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
