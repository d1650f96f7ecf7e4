package dev.surf.ad.pacing;

/**
 * burstFraction: how far ahead of the even spend curve a campaign may run (fraction of its daily
 * budget); reservationWindowMs: how long an unconfirmed reservation holds budget before it lapses;
 * headroomFraction: budget kept back for charges already in flight (billing caps at budget x (1 + it)).
 */
public record PacingSettings(double burstFraction, long reservationWindowMs, double headroomFraction) {
    public static final PacingSettings DEFAULT = new PacingSettings(0.02, 60_000, 0.01);
}
