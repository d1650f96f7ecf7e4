package dev.surf.ranking.model;

import java.util.Arrays;

/**
 * A fully connected layer {@code out = in x weights + bias}, float32, weights row-major [in, out] as
 * ONNX MatMul takes them. The product is summed over inputs in order and the bias added afterwards,
 * the order of the exported MatMul -> Add.
 */
public record DenseLayer(int in, int out, float[] weights, float[] bias) {
    public DenseLayer {
        if (in <= 0 || out <= 0 || weights.length != in * out || bias.length != out) {
            throw new IllegalArgumentException("a dense layer " + in + " -> " + out + " needs " + in * out
                    + " weights and " + out + " biases");
        }
    }

    public static DenseLayer zeros(int in, int out) {
        return new DenseLayer(in, out, new float[in * out], new float[out]);
    }

    /** Writes {@code out} values at {@code output[outOffset..]}; with {@code relu} negatives become 0. */
    public void forward(float[] input, int inOffset, float[] output, int outOffset, boolean relu) {
        Arrays.fill(output, outOffset, outOffset + out, 0f);
        for (int i = 0; i < in; i++) {
            float xi = input[inOffset + i];
            int row = i * out;
            for (int j = 0; j < out; j++) {
                output[outOffset + j] += xi * weights[row + j];
            }
        }
        for (int j = 0; j < out; j++) {
            float v = output[outOffset + j] + bias[j];
            output[outOffset + j] = relu && v < 0f ? 0f : v;
        }
    }
}
