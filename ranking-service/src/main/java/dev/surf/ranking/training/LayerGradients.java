package dev.surf.ranking.training;

import dev.surf.ranking.model.DenseLayer;

/**
 * Backprop through one {@link DenseLayer}: sums a mini-batch's gradients, then moves the layer's own
 * weight arrays by AdaGrad on their mean (L2 on weights, not on biases).
 */
final class LayerGradients {
    private final DenseLayer layer;
    private final float[] weightGrads;
    private final float[] biasGrads;
    private final double[] weightAcc;
    private final double[] biasAcc;

    LayerGradients(DenseLayer layer) {
        this.layer = layer;
        weightGrads = new float[layer.weights().length];
        biasGrads = new float[layer.out()];
        weightAcc = new double[weightGrads.length];
        biasAcc = new double[biasGrads.length];
    }

    /**
     * Adds the gradients for one row, given the layer's input and d loss / d output (first {@code out}
     * values of {@code dOut}); writes d loss / d input to {@code dIn} unless it is null.
     */
    void backward(float[] in, int inOffset, float[] dOut, float[] dIn) {
        int out = layer.out();
        float[] w = layer.weights();
        for (int j = 0; j < out; j++) {
            biasGrads[j] += dOut[j];
        }
        for (int i = 0; i < layer.in(); i++) {
            float xi = in[inOffset + i];
            int row = i * out;
            float back = 0f;
            for (int j = 0; j < out; j++) {
                weightGrads[row + j] += xi * dOut[j];
                back += w[row + j] * dOut[j];
            }
            if (dIn != null) {
                dIn[i] = back;
            }
        }
    }

    /** One AdaGrad step on the mean gradient of the {@code rows} rows since the last step; clears the sums. */
    void step(int rows, double eta, double l2) {
        float[] w = layer.weights();
        float[] b = layer.bias();
        double scale = 1.0 / rows;
        for (int i = 0; i < w.length; i++) {
            double grad = weightGrads[i] * scale + l2 * w[i];
            w[i] -= (float) (AdaGrad.rate(weightAcc, i, grad, eta) * grad);
            weightGrads[i] = 0f;
        }
        for (int j = 0; j < b.length; j++) {
            double grad = biasGrads[j] * scale;
            b[j] -= (float) (AdaGrad.rate(biasAcc, j, grad, eta) * grad);
            biasGrads[j] = 0f;
        }
    }
}
