package dev.surf.ranking.model;

import static dev.surf.ranking.model.OnnxGraphs.floats;
import static dev.surf.ranking.model.OnnxGraphs.intAttr;
import static dev.surf.ranking.model.OnnxGraphs.intsAttr;
import static dev.surf.ranking.model.OnnxGraphs.longs;
import static dev.surf.ranking.model.OnnxGraphs.node;

import dev.surf.ranking.onnx.OnnxProto.GraphProto;
import java.util.Map;

/**
 * Writes a {@link DlrmModel} as one ONNX graph (opset 13) honouring {@link ModelContract}, one
 * independent subgraph per head:
 * <pre>
 * Gather(embeddings, sparse_ids)                         [batch, 16, d]
 * dense -> MatMul/Add/Relu -> MatMul/Add                  [batch, d]  (bottom MLP)
 * Unsqueeze + Concat(bottom, embeddings)                 [batch, 17, d]
 * MatMul(vectors, Transpose(vectors))                    [batch, 17, 17]
 * Reshape [batch, 289] -> Gather(upper-triangle index)   [batch, 136]
 * Concat(bottom, dots) -> MatMul/Add/Relu -> MatMul/Add  [batch, 1]   (top MLP)
 * Sigmoid -> Reshape                                     [batch]
 * </pre>
 * The same operations in the same order as {@link DlrmNetwork#logit}, so scores agree to float rounding.
 */
public final class DlrmOnnxExporter {
    private static final int VECTORS = ModelContract.SPARSE_SLOTS + 1;

    private DlrmOnnxExporter() {
    }

    public static byte[] export(DlrmModel model, Map<String, String> metadata) {
        GraphProto.Builder g = OnnxGraphs.contractGraph("surf_dlrm");
        g.addInitializer(longs("vector_axis", new long[] {1}, 1));
        g.addInitializer(longs("gram_shape", new long[] {-1, VECTORS * VECTORS}, 2));
        g.addInitializer(longs("pair_index", upperTriangle(VECTORS), DlrmNetwork.pairs(VECTORS)));
        g.addInitializer(longs("batch_shape", new long[] {-1}, 1));
        addHead(g, "ctr", model.ctr(), ModelContract.OUTPUT_CTR);
        addHead(g, "cvr", model.cvr(), ModelContract.OUTPUT_CVR);
        return OnnxGraphs.model(g, model.kind(), metadata);
    }

    /** Flattened indices i * n + j of the pairs i < j, row by row (the order {@link DlrmNetwork} uses). */
    static long[] upperTriangle(int n) {
        long[] index = new long[DlrmNetwork.pairs(n)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                index[k++] = (long) i * n + j;
            }
        }
        return index;
    }

    private static void addHead(GraphProto.Builder g, String p, DlrmNetwork n, String output) {
        g.addInitializer(floats(p + "_embeddings", n.embeddings(), n.buckets(), n.dim()));
        g.addNode(node("Gather", p + "_gather_embeddings", new String[] {p + "_embeddings", ModelContract.INPUT_SPARSE},
                p + "_embedded", intAttr("axis", 0)));

        String hidden = addLayer(g, p + "_bottom_hidden", n.bottomHidden(), ModelContract.INPUT_DENSE, true);
        String bottom = addLayer(g, p + "_bottom_out", n.bottomOut(), hidden, false);
        g.addNode(node("Unsqueeze", p + "_bottom_as_vector", new String[] {bottom, "vector_axis"}, p + "_bottom_vector"));
        g.addNode(node("Concat", p + "_stack_vectors", new String[] {p + "_bottom_vector", p + "_embedded"}, p + "_vectors",
                intAttr("axis", 1)));
        g.addNode(node("Transpose", p + "_transpose_vectors", new String[] {p + "_vectors"}, p + "_vectors_t",
                intsAttr("perm", 0, 2, 1)));
        g.addNode(node("MatMul", p + "_all_dots", new String[] {p + "_vectors", p + "_vectors_t"}, p + "_gram"));
        g.addNode(node("Reshape", p + "_flatten_dots", new String[] {p + "_gram", "gram_shape"}, p + "_gram_flat"));
        g.addNode(node("Gather", p + "_pick_pairs", new String[] {p + "_gram_flat", "pair_index"}, p + "_dots",
                intAttr("axis", 1)));
        g.addNode(node("Concat", p + "_top_input", new String[] {bottom, p + "_dots"}, p + "_top_in", intAttr("axis", 1)));

        String topHidden = addLayer(g, p + "_top_hidden", n.topHidden(), p + "_top_in", true);
        String logit = addLayer(g, p + "_top_out", n.topOut(), topHidden, false);
        g.addNode(node("Sigmoid", p + "_sigmoid", new String[] {logit}, p + "_probability"));
        g.addNode(node("Reshape", p + "_to_batch", new String[] {p + "_probability", "batch_shape"}, output));
    }

    /** MatMul -> Add [-> Relu]; returns the name of the layer's output. */
    private static String addLayer(GraphProto.Builder g, String name, DenseLayer layer, String input, boolean relu) {
        g.addInitializer(floats(name + "_w", layer.weights(), layer.in(), layer.out()));
        g.addInitializer(floats(name + "_b", layer.bias(), layer.out()));
        g.addNode(node("MatMul", name + "_matmul", new String[] {input, name + "_w"}, name + "_product"));
        g.addNode(node("Add", name + "_add_bias", new String[] {name + "_product", name + "_b"}, name + "_linear"));
        if (!relu) {
            return name + "_linear";
        }
        g.addNode(node("Relu", name + "_relu", new String[] {name + "_linear"}, name + "_activated"));
        return name + "_activated";
    }
}
