package dev.surf.creative.policy;

import java.util.List;

/** Whether a variant may be offered, and every reason it may not. */
public record Verdict(boolean passed, List<String> reasons) {
    public static Verdict of(List<String> reasons) {
        return new Verdict(reasons.isEmpty(), List.copyOf(reasons));
    }

    public Verdict plus(String reason) {
        var all = new java.util.ArrayList<>(reasons);
        all.add(reason);
        return of(all);
    }
}
