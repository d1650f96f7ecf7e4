package dev.surf.ranking.model;

/**
 * Two independent {@link DlrmNetwork}s, CTR and CVR, over the model contract's 16 hashed slots
 * ({@value ModelContract#HASH_BUCKETS} buckets) and 5 dense features; exported as one ONNX graph
 * by {@link DlrmOnnxExporter}.
 */
public record DlrmModel(DlrmNetwork ctr, DlrmNetwork cvr) implements TwoHeadModel {
    public DlrmModel {
        for (DlrmNetwork n : new DlrmNetwork[] {ctr, cvr}) {
            if (n.slots() != ModelContract.SPARSE_SLOTS || n.buckets() != ModelContract.HASH_BUCKETS
                    || n.denseInputs() != ModelContract.DENSE_FEATURES) {
                throw new IllegalArgumentException("a DLRM head must take " + ModelContract.SPARSE_SLOTS + " slots of "
                        + ModelContract.HASH_BUCKETS + " buckets and " + ModelContract.DENSE_FEATURES + " dense features");
            }
        }
    }

    public DlrmNetwork head(int head) {
        return head == CTR ? ctr : cvr;
    }

    @Override
    public double predict(long[] ids, int idOffset, float[] x, int xOffset, int head) {
        DlrmNetwork n = head(head);
        return TwoHeadModel.sigmoid(n.logit(ids, idOffset, x, xOffset, new DlrmNetwork.Activations(n)));
    }

    @Override
    public String kind() {
        return "dlrm";
    }
}
