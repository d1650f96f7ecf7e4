package dev.surf.ad.web.performance;

import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.Problem;
import dev.surf.ad.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The validated query of a performance request: granularity and a bounded [from, to) period. */
public record ReportPeriod(Granularity granularity, Instant from, Instant to) {

    public static ReportPeriod parse(String granularity, String from, String to, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Granularity g = Granularity.DAY;
        if (granularity != null && !granularity.isBlank()) {
            try {
                g = Granularity.valueOf(granularity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("granularity", "must be day or hour"));
            }
        }
        Instant end = instant("to", to, errors);
        Instant start = instant("from", from, errors);
        if (errors.isEmpty()) {
            end = end != null ? end : clock.instant();
            start = start != null ? start : end.minus(g.defaultSpan);
            if (!start.isBefore(end)) {
                errors.add(new FieldError("to", "must be after from"));
            } else if (start.plus(g.maxSpan).isBefore(end)) {
                errors.add(new FieldError("from", "the period may span at most " + g.maxSpan.toDays() + " days at "
                        + g.name().toLowerCase(Locale.ROOT) + " granularity"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "bad-query", "Invalid query parameter",
                    errors.size() + " query parameter(s) are invalid", errors));
        }
        return new ReportPeriod(g, start, end);
    }

    private static Instant instant(String name, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Instant t = Instant.parse(raw.strip());
            if (t.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || t.isAfter(Instant.parse("2200-01-01T00:00:00Z"))) {
                errors.add(new FieldError(name, "must be between 2000 and 2200"));
                return null;
            }
            return t;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z"));
            return null;
        }
    }
}
