package dev.surf.ad.web.performance;

import java.time.Duration;

/** Time-series bucket size; the name is also PostgreSQL's date_trunc field. */
public enum Granularity {
    DAY("day", Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(400)),
    HOUR("hour", Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(31));

    final String sqlField;
    final Duration step;
    /** Default period when the caller gives no "from". */
    final Duration defaultSpan;
    /** Longest period one request may ask for (bounds the rows a response holds). */
    final Duration maxSpan;

    Granularity(String sqlField, Duration step, Duration defaultSpan, Duration maxSpan) {
        this.sqlField = sqlField;
        this.step = step;
        this.defaultSpan = defaultSpan;
        this.maxSpan = maxSpan;
    }
}
