package dev.surf.ad.web;

import java.util.Arrays;
import java.util.List;

/** Query parameters arrive as text so a bad value is a 400 problem naming the parameter. */
public final class QueryParams {
    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Integer integer(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw bad(name, "must be an integer");
        }
    }

    public static Long id(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw bad(name, "must be an integer id");
        }
    }

    private static ProblemException bad(String name, String detail) {
        return new ProblemException(Problem.of(400, "bad-query", "Invalid query parameter", name + " " + detail,
                List.of(new FieldError(name, detail))));
    }
}
