package dev.surf.ad.creative;

/** draft → pending review → approved / rejected; approved ⇄ paused; any → archived (final). */
public enum CreativeStatus { DRAFT, PENDING_REVIEW, APPROVED, REJECTED, PAUSED, ARCHIVED }
