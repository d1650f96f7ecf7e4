package dev.surf.ad.web;

/** A create without a body is a 400 problem, not a null dereference. */
public final class Bodies {
    private Bodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.badRequest(null, "a JSON body is required");
        }
        return body;
    }
}
