package dev.surf.creative.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surf.events.CreativeRules;

/** The JSON schema every generated variant must follow, built from the shared {@link CreativeRules}. */
public final class VariantSchema {
    public static final String HEADLINE = "headline";
    public static final String PRIMARY_TEXT = "primary_text";
    public static final String DESCRIPTION = "description";
    public static final String CALL_TO_ACTION = "call_to_action";

    /** The schema as JSON text: for llama.cpp grammars and OpenAI response_format. */
    public static final String JSON = build();

    private VariantSchema() {
    }

    private static String build() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode schema = m.createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject(HEADLINE).put("type", "string").put("minLength", 1).put("maxLength", CreativeRules.HEADLINE_MAX);
        props.putObject(PRIMARY_TEXT).put("type", "string").put("minLength", 1).put("maxLength", CreativeRules.PRIMARY_TEXT_MAX);
        props.putObject(DESCRIPTION).put("type", "string").put("minLength", 1).put("maxLength", CreativeRules.DESCRIPTION_MAX);
        var cta = props.putObject(CALL_TO_ACTION).put("type", "string").putArray("enum");
        CreativeRules.CALLS_TO_ACTION.forEach(cta::add);
        schema.putArray("required").add(HEADLINE).add(PRIMARY_TEXT).add(DESCRIPTION).add(CALL_TO_ACTION);
        schema.put("additionalProperties", false);
        return schema.toString();
    }
}
