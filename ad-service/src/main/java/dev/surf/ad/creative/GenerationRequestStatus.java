package dev.surf.ad.creative;

/** QUEUED until creative-gen answers: COMPLETED (results stored as drafts) or FAILED (dead-lettered). */
public enum GenerationRequestStatus {
    QUEUED, COMPLETED, FAILED
}
