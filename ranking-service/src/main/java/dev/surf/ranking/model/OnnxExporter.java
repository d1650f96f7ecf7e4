package dev.surf.ranking.model;

import com.google.protobuf.ByteString;
import dev.surf.ranking.onnx.OnnxProto.AttributeProto;
import dev.surf.ranking.onnx.OnnxProto.GraphProto;
import dev.surf.ranking.onnx.OnnxProto.ModelProto;
import dev.surf.ranking.onnx.OnnxProto.NodeProto;
import dev.surf.ranking.onnx.OnnxProto.OperatorSetIdProto;
import dev.surf.ranking.onnx.OnnxProto.StringStringEntryProto;
import dev.surf.ranking.onnx.OnnxProto.TensorProto;
import dev.surf.ranking.onnx.OnnxProto.TensorShapeProto;
import dev.surf.ranking.onnx.OnnxProto.TypeProto;
import dev.surf.ranking.onnx.OnnxProto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Writes a {@link LogisticModel} as a standard ONNX graph (opset 13) honouring {@link ModelContract}:
 * Gather(W, sparse_ids) -> ReduceSum over slots, + MatMul(dense, V) + b [+ FM pairwise term] -> Sigmoid
 * -> split in two heads. The FM term: Gather(F, sparse_ids) [batch, slots, heads, k]; 0.5 * ReduceSum_k(
 * (ReduceSum_slots G)^2 - ReduceSum_slots G^2).
 */
public final class OnnxExporter {
    static final long IR_VERSION = 8;
    static final long OPSET = 13;

    private OnnxExporter() {
    }

    public static byte[] export(LogisticModel model, Map<String, String> metadata) {
        int heads = LogisticModel.HEADS;
        GraphProto.Builder g = GraphProto.newBuilder().setName("surf_logistic");
        g.addInput(valueInfo(ModelContract.INPUT_SPARSE, TensorProto.DataType.INT64, "batch", ModelContract.SPARSE_SLOTS));
        g.addInput(valueInfo(ModelContract.INPUT_DENSE, TensorProto.DataType.FLOAT, "batch", ModelContract.DENSE_FEATURES));
        g.addOutput(valueInfo(ModelContract.OUTPUT_CTR, TensorProto.DataType.FLOAT, "batch"));
        g.addOutput(valueInfo(ModelContract.OUTPUT_CVR, TensorProto.DataType.FLOAT, "batch"));

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

        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("surf-ranking-trainer")
                .setProducerVersion("1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g);
        m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(ModelContract.METADATA_CONTRACT).setValue(ModelContract.NAME));
        metadata.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build().toByteArray();
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

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String param) {
                dim.setDimParam(param);
            } else {
                dim.setDimValue(((Integer) d).longValue());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    private static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** An int64 tensor; with no dims it is a scalar (a Gather with a scalar index drops that axis). */
    private static TensorProto longs(String name, long[] values, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
        for (long v : values) {
            t.addInt64Data(v);
        }
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static NodeProto node(String op, String name, String[] inputs, String output, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        return n.build();
    }

    private static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }
}
