package dev.surf.ad.creative;

public enum CreativeSource { HUMAN, GENERATED }
