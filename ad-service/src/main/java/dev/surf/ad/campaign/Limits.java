package dev.surf.ad.campaign;

/** Upper bounds that reject absurd amounts before they reach pacing (micros: 1 unit = 1,000,000). */
public final class Limits {
    /** 100 million currency units a day. */
    public static final long MAX_DAILY_BUDGET_MICROS = 100_000_000_000_000L;
    /** 10 billion currency units over the campaign's life. */
    public static final long MAX_LIFETIME_BUDGET_MICROS = 10_000_000_000_000_000L;
    /** 100,000 currency units per click / thousand impressions / acquisition. */
    public static final long MAX_BID_MICROS = 100_000_000_000L;

    private Limits() {
    }
}
