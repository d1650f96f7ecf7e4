package dev.surf.ranking.model;

/**
 * The ONNX input/output contract every ranking model honours (documented in the README), so a model
 * trained elsewhere (a PyTorch DLRM exported with torch.onnx.export) can be registered and served.
 *
 * <ul>
 *   <li>input {@value #INPUT_SPARSE}: int64 [batch, {@value #SPARSE_SLOTS}], each value a hashed
 *       feature id in [0, {@value #HASH_BUCKETS}) (see {@link FeatureHasher}, one slot per {@link SparseSlot})</li>
 *   <li>input {@value #INPUT_DENSE}: float32 [batch, {@value #DENSE_FEATURES}] (see {@link DenseSlot})</li>
 *   <li>output {@value #OUTPUT_CTR}: float32 [batch], P(click | impression)</li>
 *   <li>output {@value #OUTPUT_CVR}: float32 [batch], P(conversion | click)</li>
 * </ul>
 */
public final class ModelContract {
    private ModelContract() {
    }

    public static final String NAME = "surf-ctr-v1";
    public static final String INPUT_SPARSE = "sparse_ids";
    public static final String INPUT_DENSE = "dense";
    public static final String OUTPUT_CTR = "p_ctr";
    public static final String OUTPUT_CVR = "p_cvr";
    public static final int HASH_BUCKETS = 1 << 18;
    public static final int SPARSE_SLOTS = SparseSlot.values().length;
    public static final int DENSE_FEATURES = DenseSlot.values().length;
    /** ONNX metadata key the trainer writes; informative only (registration checks the graph's signature). */
    public static final String METADATA_CONTRACT = "surf.contract";
}
