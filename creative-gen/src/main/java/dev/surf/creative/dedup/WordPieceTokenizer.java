package dev.surf.creative.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer (what all-MiniLM-L6-v2 was trained with): clean, lower-case,
 * strip accents, split on whitespace and punctuation, then greedy longest-match sub-words with the
 * "##" continuation prefix. The vocabulary comes from a Hugging Face tokenizer.json.
 */
public final class WordPieceTokenizer {
    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocab;
    private final int cls;
    private final int sep;
    private final int unk;
    private final int maxLength;

    public WordPieceTokenizer(Map<String, Integer> vocab, int maxLength) {
        this.vocab = Map.copyOf(vocab);
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
        this.unk = id("[UNK]");
        this.maxLength = maxLength;
    }

    /** Reads {@code model.vocab} of a tokenizer.json. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json, int maxLength) throws IOException {
        JsonNode vocabNode = new ObjectMapper().readTree(json).path("model").path("vocab");
        if (!vocabNode.isObject() || vocabNode.isEmpty()) {
            throw new IOException("tokenizer.json has no model.vocab");
        }
        Map<String, Integer> vocab = new HashMap<>();
        vocabNode.properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        return new WordPieceTokenizer(vocab, maxLength);
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("vocabulary lacks " + token);
        }
        return id;
    }

    /** [CLS] pieces... [SEP], truncated to the model's maximum length. */
    public long[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        for (String word : preTokenize(normalize(text))) {
            for (int id : wordPieces(word)) {
                if (ids.size() >= maxLength - 1) {
                    break;
                }
                ids.add(id);
            }
        }
        ids.add(sep);
        return ids.stream().mapToLong(Integer::longValue).toArray();
    }

    /** Token strings, for tests and debugging. */
    public List<String> tokens(String text) {
        Map<Integer, String> reverse = new HashMap<>();
        vocab.forEach((k, v) -> reverse.put(v, k));
        List<String> out = new ArrayList<>();
        for (long id : encode(text)) {
            out.add(reverse.get((int) id));
        }
        return out;
    }

    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || (Character.isISOControl(cp) && !Character.isWhitespace(cp))) {
                return;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                b.append(' ');
            } else if (isCjk(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        String lower = b.toString().toLowerCase(java.util.Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
    }

    static List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == ' ') {
                flush(cur, words);
            } else if (isPunctuation(cp)) {
                flush(cur, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                cur.appendCodePoint(cp);
            }
        });
        flush(cur, words);
        return words;
    }

    private static void flush(StringBuilder cur, List<String> words) {
        if (!cur.isEmpty()) {
            words.add(cur.toString());
            cur.setLength(0);
        }
    }

    private List<Integer> wordPieces(String word) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            return List.of(unk);
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String sub = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocab.get(sub);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                return List.of(unk);
            }
            pieces.add(found);
            start = end;
        }
        return pieces;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
