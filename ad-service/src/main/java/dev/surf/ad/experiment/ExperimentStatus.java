package dev.surf.ad.experiment;

/** DRAFT (editable) -> RUNNING (assigning users) -> STOPPED (frozen; results stay readable). */
public enum ExperimentStatus {
    DRAFT, RUNNING, STOPPED
}
