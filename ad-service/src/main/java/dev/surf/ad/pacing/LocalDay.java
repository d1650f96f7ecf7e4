package dev.surf.ad.pacing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A campaign's day in its own time zone: the day number and how much of it has passed. */
public record LocalDay(long epochDay, double fraction) {
    public static LocalDay of(long epochMs, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMs).atZone(zone);
        return new LocalDay(t.toLocalDate().toEpochDay(), t.toLocalTime().toSecondOfDay() / 86_400.0);
    }

    public LocalDate date() {
        return LocalDate.ofEpochDay(epochDay);
    }
}
