package dev.surf.ranking.scoring;

/** A request's candidates encoded per the model contract: row-major sparse ids and dense features. */
public record EncodedRows(long[] sparse, float[] dense, int rows) {
}
