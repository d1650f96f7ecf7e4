package dev.surf.ad.experiment;

/** SHIP a variant (ends the experiment), STOP without shipping (ends it), EXTEND (keeps running). */
public enum DecisionKind {
    SHIP, STOP, EXTEND
}
