package dev.surf.ad.campaign;

public enum AdSetStatus { ACTIVE, PAUSED, ARCHIVED }
