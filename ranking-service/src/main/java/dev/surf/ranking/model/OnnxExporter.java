package dev.surf.ranking.model;

import static dev.surf.ranking.model.OnnxGraphs.floats;
import static dev.surf.ranking.model.OnnxGraphs.intAttr;
import static dev.surf.ranking.model.OnnxGraphs.longs;
import static dev.surf.ranking.model.OnnxGraphs.node;

import dev.surf.ranking.onnx.OnnxProto.GraphProto;
import java.util.Map;

/**
 * Writes a {@link LogisticModel} as a standard ONNX graph (opset 13) honouring {@link ModelContract}:
 * Gather(W, sparse_ids) -> ReduceSum over slots, + MatMul(dense, V) + b [+ FM pairwise term] -> Sigmoid
 * -> split in two heads. The FM term: Gather(F, sparse_ids) [batch, slots, heads, k]; 0.5 * ReduceSum_k(
 * (ReduceSum_slots G)^2 - ReduceSum_slots G^2).
 */
public final class OnnxExporter {
    private OnnxExporter() {
    }

    /** Any trained model, by its kind; {@code surf.model-kind} metadata says which. */
    public static byte[] export(TwoHeadModel model, Map<String, String> metadata) {
        return switch (model) {
            case LogisticModel m -> export(m, metadata);
            case DlrmModel m -> DlrmOnnxExporter.export(m, metadata);
        };
    }

    public static byte[] export(LogisticModel model, Map<String, String> metadata) {
        int heads = LogisticModel.HEADS;
        GraphProto.Builder g = OnnxGraphs.contractGraph("surf_logistic");

        g.addInitializer(floats("sparse_weights", model.sparse(), ModelContract.HASH_BUCKETS, heads));
        g.addInitializer(floats("dense_weights", model.dense(), ModelContract.DENSE_FEATURES, heads));
        g.addInitializer(floats("bias", model.bias(), heads));
        g.addInitializer(longs("slot_axis", new long[] {1}, 1));
        g.addInitializer(longs("head_ctr", new long[] {0}));
        g.addInitializer(longs("head_cvr", new long[] {1}));

        g.addNode(node("Gather", "gather_sparse", new String[] {"sparse_weights", ModelContract.INPUT_SPARSE},
                "sparse_terms", intAttr("axis", 0)));
        g.addNode(node("ReduceSum", "sum_slots", new String[] {"sparse_terms", "slot_axis"}, "sparse_sum",
                intAttr("keepdims", 0)));
        g.addNode(node("MatMul", "dense_matmul", new String[] {ModelContract.INPUT_DENSE, "dense_weights"}, "dense_sum"));
        g.addNode(node("Add", "add_terms", new String[] {"sparse_sum", "dense_sum"}, "terms"));
        g.addNode(node("Add", "add_bias", new String[] {"terms", "bias"}, model.k() > 0 ? "linear_logits" : "logits"));
        if (model.k() > 0) {
            addFactorizationTerm(g, model);
        }
        g.addNode(node("Sigmoid", "sigmoid", new String[] {"logits"}, "probabilities"));
        g.addNode(node("Gather", "pick_ctr", new String[] {"probabilities", "head_ctr"}, ModelContract.OUTPUT_CTR,
                intAttr("axis", 1)));
        g.addNode(node("Gather", "pick_cvr", new String[] {"probabilities", "head_cvr"}, ModelContract.OUTPUT_CVR,
                intAttr("axis", 1)));

        return OnnxGraphs.model(g, model.kind(), metadata);
    }

    /** linear_logits + 0.5 * sum_f ((sum_s F)^2 - sum_s F^2) -> logits, per head. */
    private static void addFactorizationTerm(GraphProto.Builder g, LogisticModel model) {
        g.addInitializer(floats("factors", model.factors(), ModelContract.HASH_BUCKETS, LogisticModel.HEADS, model.k()));
        g.addInitializer(longs("factor_axis", new long[] {2}, 1));
        g.addInitializer(floats("half", new float[] {0.5f}));
        g.addNode(node("Gather", "gather_factors", new String[] {"factors", ModelContract.INPUT_SPARSE}, "factor_rows",
                intAttr("axis", 0)));
        g.addNode(node("ReduceSum", "sum_factors", new String[] {"factor_rows", "slot_axis"}, "factor_sum",
                intAttr("keepdims", 0)));
        g.addNode(node("Mul", "square_of_sum", new String[] {"factor_sum", "factor_sum"}, "factor_sum_sq"));
        g.addNode(node("Mul", "squares", new String[] {"factor_rows", "factor_rows"}, "factor_rows_sq"));
        g.addNode(node("ReduceSum", "sum_of_squares", new String[] {"factor_rows_sq", "slot_axis"}, "factor_sq_sum",
                intAttr("keepdims", 0)));
        g.addNode(node("Sub", "pairs_per_factor", new String[] {"factor_sum_sq", "factor_sq_sum"}, "pair_terms"));
        g.addNode(node("ReduceSum", "sum_over_factors", new String[] {"pair_terms", "factor_axis"}, "pair_sum",
                intAttr("keepdims", 0)));
        g.addNode(node("Mul", "halve", new String[] {"pair_sum", "half"}, "interactions"));
        g.addNode(node("Add", "add_interactions", new String[] {"linear_logits", "interactions"}, "logits"));
    }
}
