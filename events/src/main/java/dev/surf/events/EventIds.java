package dev.surf.events;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids are time-ordered UUIDs: ids made in the same period sort together, so the processed-id
 * indexes the consumers insert into grow at their right edge instead of at random pages (a random
 * UUID touches a cold index page, and writes it whole to the WAL, for nearly every insert).
 * <ul>
 *   <li>{@link #random()}: a version 7 UUID (RFC 9562: 48-bit Unix milliseconds, then 74 random bits).</li>
 *   <li>{@link #derived}: a stable id, so a repeat of the same fact maps to the same event. When the first
 *       part is a version 7 id (a decision id), the result keeps its milliseconds and takes the other
 *       74 bits from an MD5 of all parts (a version 8 UUID); otherwise it is the name-based version 3
 *       UUID of the parts.</li>
 * </ul>
 */
public final class EventIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    public static String random() {
        return timeOrdered(System.currentTimeMillis()).toString();
    }

    static UUID timeOrdered(long epochMs) {
        long msb = (epochMs << 16) | 0x7000L | (RANDOM.nextLong() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** A stable id for a fact identified by its parts (e.g. decision id + kind + creative id). */
    public static String derived(String... parts) {
        UUID named = UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
        long epochMs = parts.length > 0 ? timeOf(parts[0]) : -1;
        if (epochMs < 0) {
            return named.toString();
        }
        // Version 3's variant bits are already those of RFC 9562, so its low half is kept as is.
        long msb = (epochMs << 16) | 0x8000L | (named.getMostSignificantBits() & 0x0FFFL);
        return new UUID(msb, named.getLeastSignificantBits()).toString();
    }

    /** The milliseconds of a version 7 id in canonical form, or -1 for any other string. */
    static long timeOf(String id) {
        if (id == null || id.length() != 36 || id.charAt(14) != '7') {
            return -1;
        }
        try {
            UUID u = UUID.fromString(id);
            return u.version() == 7 && u.variant() == 2 ? u.getMostSignificantBits() >>> 16 : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
