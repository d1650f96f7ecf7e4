package dev.surf.ad.campaign;

/** draft → active ⇄ paused → archived (archived is final). */
public enum CampaignStatus { DRAFT, ACTIVE, PAUSED, ARCHIVED }
