package dev.surf.ranking.model;

/**
 * A model the trainer builds: for one row in the {@link ModelContract} layout it scores both heads
 * exactly as its exported ONNX graph does (float32 weights, same operation order), so the holdout
 * parity check can compare the two.
 */
public sealed interface TwoHeadModel permits LogisticModel, DlrmModel {
    int HEADS = 2;
    int CTR = 0;
    int CVR = 1;

    /** P(head) for the row at {@code ids[idOffset..]}, {@code x[xOffset..]}; head {@link #CTR} or {@link #CVR}. */
    double predict(long[] ids, int idOffset, float[] x, int xOffset, int head);

    /** The model family, written as ONNX metadata {@code surf.model-kind}. */
    String kind();

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
