package dev.surf.creative.gguf;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Converts a llama2.c checkpoint (legacy format) and its tokenizer into a GGUF v3 F32 file that
 * llama.cpp loads as a "llama" model.
 *
 * <p>llama2.c checkpoints already use the rotary pair layout llama.cpp expects, so q and k are
 * copied as they are (the Hugging Face permutation would corrupt them after a few tokens).
 *
 * <p>Run: {@code java ... dev.surf.creative.gguf.Llama2cToGguf model.bin tokenizer.bin out.gguf}
 */
public final class Llama2cToGguf {

    /** The seven int32 header fields of a legacy llama2.c checkpoint. */
    public record Config(int dim, int hiddenDim, int layers, int heads, int kvHeads, int vocabSize, int seqLen,
                         boolean sharedClassifier) {
        int headSize() {
            return dim / heads;
        }

        int kvDim() {
            return dim * kvHeads / heads;
        }

        public long parameterCount() {
            long perLayer = 2L * dim + (long) dim * dim * 2 + 2L * dim * kvDim() + 3L * dim * hiddenDim;
            return (long) vocabSize * dim * (sharedClassifier ? 1 : 2) + layers * perLayer + dim;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && !(args.length == 5 && args[3].equals("--chat-template"))) {
            System.err.println("usage: Llama2cToGguf <checkpoint.bin> <tokenizer.bin> <out.gguf> [--chat-template <template.jinja>]");
            System.exit(2);
        }
        String template = args.length == 5 ? java.nio.file.Files.readString(Path.of(args[4])) : null;
        Config c = convert(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), template);
        System.out.println("wrote " + args[2] + " (" + c + ")");
    }

    public static Config convert(Path checkpoint, Path tokenizer, Path out) throws IOException {
        return convert(checkpoint, tokenizer, out, null);
    }

    /** As {@link #convert(Path, Path, Path)}, storing {@code chatTemplate} (Jinja) as tokenizer.chat_template when given. */
    public static Config convert(Path checkpoint, Path tokenizer, Path out, String chatTemplate) throws IOException {
        try (FileChannel ch = FileChannel.open(checkpoint, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, header);
            header.flip();
            int dim = header.getInt();
            int hidden = header.getInt();
            int layers = header.getInt();
            int heads = header.getInt();
            int kvHeads = header.getInt();
            int vocab = header.getInt();
            int seqLen = header.getInt();
            Config c = new Config(dim, hidden, layers, heads, kvHeads, Math.abs(vocab), seqLen, vocab > 0);
            if (dim <= 0 || hidden <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || seqLen <= 0 || dim % heads != 0) {
                throw new IOException("not a llama2.c checkpoint: " + c);
            }
            Vocabulary v = Vocabulary.read(tokenizer, c.vocabSize());
            GgufWriter w = new GgufWriter();
            w.put("general.architecture", "llama")
                    .put("general.name", checkpoint.getFileName().toString().replaceFirst("\\.bin$", ""))
                    .put("general.file_type", 0) // all F32
                    .put("llama.context_length", seqLen)
                    .put("llama.embedding_length", dim)
                    .put("llama.block_count", layers)
                    .put("llama.feed_forward_length", hidden)
                    .put("llama.rope.dimension_count", c.headSize())
                    .put("llama.attention.head_count", heads)
                    .put("llama.attention.head_count_kv", kvHeads)
                    .put("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                    .put("llama.vocab_size", c.vocabSize())
                    .put("tokenizer.ggml.model", "llama")
                    .put("tokenizer.ggml.tokens", v.tokens())
                    .put("tokenizer.ggml.scores", v.scores())
                    .put("tokenizer.ggml.token_type", v.types())
                    .put("tokenizer.ggml.unknown_token_id", 0)
                    .put("tokenizer.ggml.bos_token_id", 1)
                    .put("tokenizer.ggml.eos_token_id", 2)
                    .put("tokenizer.ggml.add_bos_token", true)
                    .put("tokenizer.ggml.add_eos_token", false);
            if (chatTemplate != null && !chatTemplate.isBlank()) {
                w.put("tokenizer.chat_template", chatTemplate);
            }

            Reader r = new Reader(ch);
            int kvDim = c.kvDim();
            float[] embedding = r.floats((long) c.vocabSize() * dim);
            w.add(new GgufWriter.Tensor("token_embd.weight", new long[]{dim, c.vocabSize()}, embedding));
            float[][] attNorm = r.perLayer(layers, dim);
            float[][] wq = r.perLayer(layers, (long) dim * dim);
            float[][] wk = r.perLayer(layers, (long) dim * kvDim);
            float[][] wv = r.perLayer(layers, (long) dim * kvDim);
            float[][] wo = r.perLayer(layers, (long) dim * dim);
            float[][] ffnNorm = r.perLayer(layers, dim);
            float[][] w1 = r.perLayer(layers, (long) dim * hidden);
            float[][] w2 = r.perLayer(layers, (long) hidden * dim);
            float[][] w3 = r.perLayer(layers, (long) dim * hidden);
            float[] finalNorm = r.floats(dim);
            r.skip((long) seqLen * c.headSize() * 4); // freq_cis_real and _imag: llama.cpp computes RoPE itself
            float[] classifier = c.sharedClassifier() ? embedding : r.floats((long) c.vocabSize() * dim);
            for (int l = 0; l < layers; l++) {
                String p = "blk." + l + ".";
                // llama2.c stores each matrix as [out][in]; GGUF lists dims innermost first: {in, out}.
                w.add(new GgufWriter.Tensor(p + "attn_norm.weight", new long[]{dim}, attNorm[l]));
                w.add(new GgufWriter.Tensor(p + "attn_q.weight", new long[]{dim, dim}, wq[l]));
                w.add(new GgufWriter.Tensor(p + "attn_k.weight", new long[]{dim, kvDim}, wk[l]));
                w.add(new GgufWriter.Tensor(p + "attn_v.weight", new long[]{dim, kvDim}, wv[l]));
                w.add(new GgufWriter.Tensor(p + "attn_output.weight", new long[]{dim, dim}, wo[l]));
                w.add(new GgufWriter.Tensor(p + "ffn_norm.weight", new long[]{dim}, ffnNorm[l]));
                w.add(new GgufWriter.Tensor(p + "ffn_gate.weight", new long[]{dim, hidden}, w1[l]));
                w.add(new GgufWriter.Tensor(p + "ffn_down.weight", new long[]{hidden, dim}, w2[l]));
                w.add(new GgufWriter.Tensor(p + "ffn_up.weight", new long[]{dim, hidden}, w3[l]));
            }
            w.add(new GgufWriter.Tensor("output_norm.weight", new long[]{dim}, finalNorm));
            w.add(new GgufWriter.Tensor("output.weight", new long[]{dim, c.vocabSize()}, classifier));
            w.write(out);
            return c;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("checkpoint ends early");
            }
        }
    }

    /** Sequential little-endian float reader over the checkpoint body. */
    private static final class Reader {
        private final FileChannel ch;

        Reader(FileChannel ch) {
            this.ch = ch;
        }

        float[] floats(long n) throws IOException {
            if (n > Integer.MAX_VALUE / 4) {
                throw new IOException("tensor too large for one array: " + n);
            }
            ByteBuffer b = ByteBuffer.allocate((int) n * 4).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, b);
            b.flip();
            float[] f = new float[(int) n];
            b.asFloatBuffer().get(f);
            return f;
        }

        float[][] perLayer(int layers, long n) throws IOException {
            float[][] out = new float[layers][];
            for (int l = 0; l < layers; l++) {
                out[l] = floats(n);
            }
            return out;
        }

        void skip(long bytes) throws IOException {
            ch.position(ch.position() + bytes);
        }
    }

    /** A llama2.c tokenizer file turned into GGUF's SentencePiece vocabulary arrays. */
    record Vocabulary(String[] tokens, float[] scores, int[] types) {
        private static final int NORMAL = 1;
        private static final int UNKNOWN = 2;
        private static final int CONTROL = 3;
        private static final int BYTE = 6;

        static Vocabulary read(Path file, int size) throws IOException {
            try (InputStream in = Files.newInputStream(file);
                 DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in))) {
                Integer.reverseBytes(d.readInt()); // max token length, unused
                String[] tokens = new String[size];
                float[] scores = new float[size];
                int[] types = new int[size];
                for (int i = 0; i < size; i++) {
                    scores[i] = Float.intBitsToFloat(Integer.reverseBytes(d.readInt()));
                    int len = Integer.reverseBytes(d.readInt());
                    String piece = new String(d.readNBytes(len), StandardCharsets.UTF_8);
                    // llama2.c's export wrote BOS/EOS as "\n<s>\n" and SentencePiece's ▁ as a space.
                    if (i == 0) {
                        tokens[i] = "<unk>";
                        types[i] = UNKNOWN;
                    } else if (i == 1 || i == 2) {
                        tokens[i] = i == 1 ? "<s>" : "</s>";
                        types[i] = CONTROL;
                    } else if (piece.matches("<0x[0-9A-F]{2}>")) {
                        tokens[i] = piece;
                        types[i] = BYTE;
                    } else {
                        tokens[i] = piece.replace(' ', '\u2581');
                        types[i] = NORMAL;
                    }
                }
                return new Vocabulary(tokens, scores, types);
            }
        }
    }
}
