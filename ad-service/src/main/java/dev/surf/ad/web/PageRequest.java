package dev.surf.ad.web;

import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Page pagination: {@code page} from 0, {@code size} 1..{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}),
 * {@code sort} a field name with an optional leading '-' for descending (default {@code id}).
 */
public record PageRequest(int page, int size, Sort sort) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    /** sortable maps API field names to entity attribute names. */
    public static PageRequest parse(Integer page, Integer size, String sort, Map<String, String> sortable) {
        List<FieldError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > MAX_PAGE) {
            errors.add(new FieldError("page", "must be between 0 and " + MAX_PAGE));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        String field = sort == null || sort.isBlank() ? "id" : sort.strip();
        boolean descending = field.startsWith("-");
        String name = descending ? field.substring(1) : field;
        String attribute = sortable.get(name);
        if (attribute == null) {
            errors.add(new FieldError("sort", "must be one of " + sortable.keySet() + " with an optional leading '-'"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "bad-query", "Invalid query parameter",
                    errors.size() + " query parameter(s) are invalid", errors));
        }
        Sort order = descending ? Sort.descending(attribute) : Sort.ascending(attribute);
        if (!"id".equals(attribute)) {
            order = order.and("id", descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        }
        return new PageRequest(p, s, order);
    }
}
