package dev.surf.creative.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.events.CreativeRules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Parses and validates model output against {@link VariantSchema}. A grammar constrains the
 * tokens but not everything (whitespace, escapes, servers that ignore response_format), so nothing
 * is trusted until it passes here.
 */
public final class VariantParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of(VariantSchema.HEADLINE, VariantSchema.PRIMARY_TEXT,
            VariantSchema.DESCRIPTION, VariantSchema.CALL_TO_ACTION);

    /** Either the copy or the reasons it is not valid. */
    public record Parsed(AdCopy copy, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private VariantParser() {
    }

    public static Parsed parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            return new Parsed(null, List.of("output is not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, List.of("output is not a JSON object"));
        }
        List<String> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add("unexpected field " + name);
            }
        }
        String headline = field(root, VariantSchema.HEADLINE, CreativeRules.HEADLINE_MAX, errors);
        String primary = field(root, VariantSchema.PRIMARY_TEXT, CreativeRules.PRIMARY_TEXT_MAX, errors);
        String description = field(root, VariantSchema.DESCRIPTION, CreativeRules.DESCRIPTION_MAX, errors);
        String cta = field(root, VariantSchema.CALL_TO_ACTION, Integer.MAX_VALUE, errors);
        if (cta != null && !CreativeRules.CALLS_TO_ACTION.contains(cta)) {
            errors.add("call_to_action " + cta + " is not one of " + CreativeRules.CALLS_TO_ACTION);
        }
        return errors.isEmpty() ? new Parsed(new AdCopy(headline, primary, description, cta), List.of())
                : new Parsed(null, List.copyOf(errors));
    }

    private static String field(JsonNode root, String name, int max, List<String> errors) {
        JsonNode n = root.get(name);
        if (n == null || !n.isTextual()) {
            errors.add(name + " is missing or not a string");
            return null;
        }
        String v = n.asText().strip();
        if (v.isEmpty()) {
            errors.add(name + " is blank");
        } else if (v.codePointCount(0, v.length()) > max) {
            errors.add(name + " is longer than " + max + " characters");
        }
        return v;
    }
}
