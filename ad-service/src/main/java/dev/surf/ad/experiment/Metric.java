package dev.surf.ad.experiment;

/**
 * Metrics an experiment can name as primary or guardrail. The unit of analysis is the exposed
 * user (the unit of randomisation), so every test compares per-user quantities between variants.
 */
public enum Metric {
    /** Share of exposed users who clicked at least once (two-proportion z-test). */
    CLICK_RATE,
    /** Share of exposed users who converted at least once (two-proportion z-test). */
    CONVERSION_RATE,
    /** Spend per exposed user (Welch's t-test). */
    SPEND_PER_USER
}
