package dev.surf.ad.web;

/** Path ids arrive as text so a malformed one is a 404 problem, never a framework error. */
public final class Ids {
    private Ids() {
    }

    public static long parse(String entity, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // falls through: an id that cannot exist
        }
        throw ProblemException.notFound(entity, JsonErrors.clip(String.valueOf(raw)));
    }
}
