package dev.surf.events;

import java.util.UUID;

/** Event ids: random UUIDs, unless an id must be derived so a repeat maps to the same event. */
public final class EventIds {
    private EventIds() {
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** A stable id for a fact identified by its parts (e.g. decision id + kind + creative). */
    public static String derived(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
