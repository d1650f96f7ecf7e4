package dev.surf.ad.web;

/** One offending field in a problem: a JSON path such as {@code dailyBudgetMicros} or {@code countries[2]}. */
public record FieldError(String field, String detail) {
}
