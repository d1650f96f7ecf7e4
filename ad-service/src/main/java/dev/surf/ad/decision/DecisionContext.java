package dev.surf.ad.decision;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One request as the filters see it: lowercased once, plus the clock and cached local times. */
public final class DecisionContext {
    public final DecisionRequest request;
    public final long nowMs;
    public final String userId;
    public final String placement;
    public final String country;
    public final String region;
    public final int age;
    public final String gender;
    public final String device;
    public final String[] interests;
    public final String[] keywords;
    /** Creatives a creative-set experiment keeps from this user (shown to other variants only). */
    public final Set<Long> withheldCreatives;
    private ZoneId lastZone;
    private int lastHourOfWeek;
    private ZoneId lastDayZone;
    private dev.surf.ad.pacing.LocalDay lastDay;

    public DecisionContext(DecisionRequest r, long nowMs) {
        this(r, nowMs, Set.of());
    }

    public DecisionContext(DecisionRequest r, long nowMs, Set<Long> withheldCreatives) {
        this.withheldCreatives = withheldCreatives;
        this.request = r;
        this.nowMs = nowMs;
        this.userId = r.user().id();
        this.placement = lower(r.placement());
        this.country = lower(r.user().country());
        this.region = lower(r.user().region());
        this.age = r.user().age() == null ? -1 : r.user().age();
        this.gender = lower(r.user().gender());
        this.device = lower(r.context().device());
        this.interests = lowerAll(r.user().interests());
        this.keywords = lowerAll(r.context().keywords());
    }

    /** Hour of week (0 = Monday 00:00) in the zone; most candidates share a zone, so cache the last. */
    public int hourOfWeek(ZoneId zone) {
        if (!zone.equals(lastZone)) {
            ZonedDateTime t = Instant.ofEpochMilli(nowMs).atZone(zone);
            lastHourOfWeek = (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
            lastZone = zone;
        }
        return lastHourOfWeek;
    }

    /** The campaign's local day and how much of it passed, cached per zone like {@link #hourOfWeek}. */
    public dev.surf.ad.pacing.LocalDay localDay(ZoneId zone) {
        if (!zone.equals(lastDayZone)) {
            lastDay = dev.surf.ad.pacing.LocalDay.of(nowMs, zone);
            lastDayZone = zone;
        }
        return lastDay;
    }

    static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    static String[] lowerAll(List<String> l) {
        String[] out = new String[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lower(l.get(i));
        }
        return out;
    }
}
