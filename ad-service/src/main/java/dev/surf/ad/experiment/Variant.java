package dev.surf.ad.experiment;

import java.util.Map;

/** One arm of an experiment: its share of the experiment's traffic and the parameters it applies. */
public record Variant(String key, String name, int allocationPercent, boolean control, Map<String, String> params) {
    public Variant {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
