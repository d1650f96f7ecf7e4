package dev.surf.ad.campaign;

public enum Objective { CLICKS, CONVERSIONS, AWARENESS }
