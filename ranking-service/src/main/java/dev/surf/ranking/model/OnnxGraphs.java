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
 * Building blocks shared by the exporters: a graph with the {@link ModelContract} signature, tensors,
 * nodes, attributes, and the model envelope (opset 13, contract + caller metadata).
 */
final class OnnxGraphs {
    static final long IR_VERSION = 8;
    static final long OPSET = 13;
    /** ONNX metadata key naming the model family (logistic, factorization-machine, dlrm). */
    static final String METADATA_KIND = "surf.model-kind";

    private OnnxGraphs() {
    }

    /** An empty graph that already declares the contract's two inputs and two outputs. */
    static GraphProto.Builder contractGraph(String name) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(name);
        g.addInput(valueInfo(ModelContract.INPUT_SPARSE, TensorProto.DataType.INT64, "batch", ModelContract.SPARSE_SLOTS));
        g.addInput(valueInfo(ModelContract.INPUT_DENSE, TensorProto.DataType.FLOAT, "batch", ModelContract.DENSE_FEATURES));
        g.addOutput(valueInfo(ModelContract.OUTPUT_CTR, TensorProto.DataType.FLOAT, "batch"));
        g.addOutput(valueInfo(ModelContract.OUTPUT_CVR, TensorProto.DataType.FLOAT, "batch"));
        return g;
    }

    /** The serialized model: the graph plus the contract name, the model kind and the caller's metadata. */
    static byte[] model(GraphProto.Builder g, String kind, Map<String, String> metadata) {
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("surf-ranking-trainer")
                .setProducerVersion("1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g);
        m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(ModelContract.METADATA_CONTRACT).setValue(ModelContract.NAME));
        m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(METADATA_KIND).setValue(kind));
        metadata.forEach((k, v) -> {
            if (!k.equals(METADATA_KIND)) {
                m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v));
            }
        });
        return m.build().toByteArray();
    }

    static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
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

    static TensorProto floats(String name, float[] values, long... dims) {
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
    static TensorProto longs(String name, long[] values, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
        for (long v : values) {
            t.addInt64Data(v);
        }
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static NodeProto node(String op, String name, String[] inputs, String output, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        return n.build();
    }

    static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto intsAttr(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
