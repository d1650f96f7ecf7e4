package dev.surf.ad.web;

import java.util.List;

/** One page of a list; {@code nextPage} is null on the last page. */
public record Page<T>(List<T> items, int page, int size, long total, Integer nextPage) {
    public static <T> Page<T> of(List<T> items, PageRequest req, long total) {
        boolean more = (long) (req.page() + 1) * req.size() < total;
        return new Page<>(items, req.page(), req.size(), total, more ? req.page() + 1 : null);
    }
}
