package dev.surf.ad.decision.filter;

import dev.surf.ad.decision.Candidate;
import dev.surf.ad.decision.DecisionContext;

/** One named stage of candidate selection; stages run cheapest first and must not allocate. */
public interface CandidateFilter {
    String name();

    boolean accept(Candidate c, DecisionContext ctx);

    /** Empty targeting = anyone; otherwise the value must be one of the targeted ones. */
    static boolean matches(String[] targeted, String value) {
        if (targeted.length == 0) {
            return true;
        }
        if (value == null) {
            return false;
        }
        for (String t : targeted) {
            if (t.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Empty targeting = anyone; otherwise at least one value must be targeted. */
    static boolean intersects(String[] targeted, String[] values) {
        if (targeted.length == 0) {
            return true;
        }
        for (String v : values) {
            for (String t : targeted) {
                if (t.equals(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
