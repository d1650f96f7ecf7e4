package dev.surf.ranking.registry;

import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.OnnxExporter;
import dev.surf.ranking.onnx.OnnxProto;
import java.util.Map;
import java.util.Random;

/** ONNX files for registry tests: valid ones with distinct weights, and one with the wrong signature. */
final class TestModels {
    private TestModels() {
    }

    static byte[] random(long seed) {
        Random rnd = new Random(seed);
        LogisticModel m = LogisticModel.prior();
        for (int i = 0; i < m.sparse().length; i += 97) {
            m.sparse()[i] = (float) (rnd.nextGaussian() * 0.1);
        }
        m.bias()[0] = (float) (rnd.nextGaussian() * 0.2);
        return OnnxExporter.export(m, Map.of("seed", Long.toString(seed)));
    }

    /** A valid ONNX graph, x float[batch, 5] -> Sigmoid -> p_ctr: not the ranking contract. */
    static byte[] wrongSignature() {
        var dims = OnnxProto.TensorShapeProto.newBuilder()
                .addDim(OnnxProto.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(OnnxProto.TensorShapeProto.Dimension.newBuilder().setDimValue(5));
        var type = OnnxProto.TypeProto.newBuilder().setTensorType(OnnxProto.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxProto.TensorProto.DataType.FLOAT.getNumber()).setShape(dims));
        var graph = OnnxProto.GraphProto.newBuilder().setName("wrong")
                .addInput(OnnxProto.ValueInfoProto.newBuilder().setName("x").setType(type))
                .addOutput(OnnxProto.ValueInfoProto.newBuilder().setName("p_ctr").setType(type))
                .addNode(OnnxProto.NodeProto.newBuilder().setOpType("Sigmoid").addInput("x").addOutput("p_ctr"));
        return OnnxProto.ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxProto.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build().toByteArray();
    }
}
