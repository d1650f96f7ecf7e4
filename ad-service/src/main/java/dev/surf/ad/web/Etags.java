package dev.surf.ad.web;

import java.util.List;

/** ETags are the row version in quotes; If-Match takes one of them (weak or strong) or '*'. */
public final class Etags {
    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for, or null when the header is absent or '*'. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.of(400, "bad-if-match", "Invalid If-Match",
                    "If-Match must be an ETag returned by this API, e.g. \"3\"",
                    List.of(new FieldError("If-Match", "not an ETag of this API"))));
        }
    }

    /** Checks the caller's expected version (from If-Match or the body) against the stored one. */
    public static void check(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.staleVersion(expected, actual);
        }
    }

    /** PATCH needs a version so no change is silently lost: from If-Match, else from the body. */
    public static long require(String ifMatch, Long bodyVersion) {
        Long header = expectedVersion(ifMatch);
        if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
            throw ProblemException.badRequest("version", "If-Match and the body's version disagree");
        }
        Long v = header != null ? header : bodyVersion;
        if (v == null) {
            throw new ProblemException(Problem.of(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag from GET, or the object's version in the body",
                    List.of(new FieldError("If-Match", "required"))));
        }
        return v;
    }
}
