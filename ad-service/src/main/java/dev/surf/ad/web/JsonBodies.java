package dev.surf.ad.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies with the application's ObjectMapper (unknown fields fail) and applies
 * RFC 7396 JSON merge patches: the patch is merged into the object's current writable form, which is
 * then read and validated exactly like a create body.
 */
@ApplicationScoped
public class JsonBodies {
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode parsePatch(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", "the body is empty", List.of()));
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(JsonErrors.problem(e));
        }
        if (!(node instanceof ObjectNode o)) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                    "a merge patch must be a JSON object", List.of()));
        }
        return o;
    }

    /** Removes and returns the optional {@code version} member of a patch. */
    public Long takeVersion(ObjectNode patch) {
        JsonNode v = patch.remove("version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ProblemException.badRequest("version", "version must be an integer");
        }
        return v.asLong();
    }

    public <T> T merge(T current, ObjectNode patch, Class<T> type) {
        ObjectNode target = mapper.valueToTree(current);
        mergeInto(target, patch);
        try {
            return mapper.treeToValue(target, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(JsonErrors.problem(e));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(null, JsonErrors.clip(String.valueOf(e.getMessage())));
        }
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.putNull(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode nested) {
                mergeInto(nested, (ObjectNode) value);
            } else {
                target.set(e.getKey(), value);
            }
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
