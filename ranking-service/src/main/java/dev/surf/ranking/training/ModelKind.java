package dev.surf.ranking.training;

/** Model family the trainer builds ({@code surf.ranking.training.model}). */
public enum ModelKind {
    /** Logistic regression over hashed ids and dense features; a factorization machine when factors > 0. */
    LINEAR,
    /** Embeddings, bottom/top MLPs and dot interactions (Naumov et al. 2019), one network per head. */
    DLRM
}
